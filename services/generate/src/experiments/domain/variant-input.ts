import { RagfleetError, fieldDetails, type FieldProblem } from '@ragfleet/errors';
import type { FamilyVersions } from './change-ports.ts';
import type { VariantSpec } from './records.ts';

/** The families whose requests go through the variant hook (the answer path). */
export const VARIED_FAMILIES = ['answer'];

const MODEL = /^[\w.-]+\/[\w.:-]+$/;

export interface RawVariant {
  name: string;
  promptVersion: string;
  model: string;
  weight: number;
}

/** Checks one variant as the caller wrote it; problems are named by their field path. */
export function variantProblems(
  variant: RawVariant,
  field: string,
  family: string,
  versions: FamilyVersions,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const known = versions(family) ?? [];
  if (variant.promptVersion && !known.includes(variant.promptVersion)) {
    problems.push({
      field: `${field}.prompt_version`,
      message: `unknown version of ${family} (have: ${known.join(', ')})`,
    });
  }
  if (variant.model && !MODEL.test(variant.model)) {
    problems.push({ field: `${field}.model`, message: 'expected "provider/model"' });
  }
  if (!Number.isFinite(variant.weight) || variant.weight < 0) {
    problems.push({ field: `${field}.weight`, message: 'must be a non-negative number (0: 1)' });
  }
  return problems;
}

export function toVariantSpec(variant: RawVariant, fallbackName: string): VariantSpec {
  return {
    name: variant.name || fallbackName,
    ...(variant.promptVersion ? { promptVersion: variant.promptVersion } : {}),
    ...(variant.model ? { model: variant.model } : {}),
    weight: variant.weight > 0 ? variant.weight : 1,
  };
}

export function familyProblem(family: string, versions: FamilyVersions): FieldProblem | undefined {
  if (!versions(family)) return { field: 'family', message: `unknown prompt family "${family}"` };
  if (!VARIED_FAMILIES.includes(family)) {
    return { field: 'family', message: `only ${VARIED_FAMILIES.join(', ')} answers can be varied` };
  }
  return undefined;
}

export function throwProblems(problems: FieldProblem[]): void {
  if (problems.length === 0) return;
  throw new RagfleetError('INVALID_ARGUMENT', problems.map((p) => `${p.field}: ${p.message}`).join('; '), {
    details: fieldDetails(problems),
  });
}

export function familyBusy(family: string, heldBy: string): RagfleetError {
  return new RagfleetError(
    'FAILED_PRECONDITION',
    `${family} already has a running change (${heldBy}); stop it first`,
    {
      details: { family, heldBy },
    },
  );
}
