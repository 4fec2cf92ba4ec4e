import { RagfleetError, fieldDetails, type FieldProblem } from '@ragfleet/errors';
import type { FamilyVersions } from './change-ports.ts';
import type { RetrievalSettings, VariantSpec } from './records.ts';

/** The families whose requests go through the variant hook (the answer path). */
export const VARIED_FAMILIES = ['answer'];

const MODEL = /^[\w.-]+\/[\w.:-]+$/;

export interface RawVariant {
  name: string;
  promptVersion: string;
  model: string;
  weight: number;
  /** As the caller wrote it: empty strings and k 0 keep retrieve's defaults. */
  retrieval?: RawRetrieval;
}

export interface RawRetrieval {
  mode: string;
  fusion: string;
  rerank: string;
  k: number;
}

const MODES = ['vector', 'keyword', 'hybrid'];
const FUSIONS = ['rrf', 'minmax'];
const RERANKS = ['none', 'mmr'];
/** retrieve's own ceiling on passages per search. */
export const MAX_RETRIEVAL_K = 50;

/** The retrieval settings a raw variant sets; undefined when it sets none. */
export function toRetrievalSettings(raw: RawRetrieval | undefined): RetrievalSettings | undefined {
  if (!raw) return undefined;
  const settings: RetrievalSettings = {
    ...(raw.mode ? { mode: raw.mode as RetrievalSettings['mode'] } : {}),
    ...(raw.fusion ? { fusion: raw.fusion as RetrievalSettings['fusion'] } : {}),
    ...(raw.rerank ? { rerank: raw.rerank as RetrievalSettings['rerank'] } : {}),
    ...(raw.k ? { k: raw.k } : {}),
  };
  return Object.keys(settings).length > 0 ? settings : undefined;
}

/** Whether the variant changes anything at all: a prompt version, a model or how it retrieves. */
export const changesSomething = (variant: RawVariant) =>
  Boolean(variant.promptVersion || variant.model || toRetrievalSettings(variant.retrieval));

function retrievalProblems(raw: RawRetrieval, field: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const oneOf = (value: string, allowed: string[], name: string) => {
    if (value && !allowed.includes(value))
      problems.push({ field: `${field}.retrieval.${name}`, message: `expected ${allowed.join(', ')}` });
  };
  oneOf(raw.mode, MODES, 'mode');
  oneOf(raw.fusion, FUSIONS, 'fusion');
  oneOf(raw.rerank, RERANKS, 'rerank');
  if (!Number.isInteger(raw.k) || raw.k < 0 || raw.k > MAX_RETRIEVAL_K) {
    problems.push({
      field: `${field}.retrieval.k`,
      message: `must be 1 to ${MAX_RETRIEVAL_K} (0: the default)`,
    });
  }
  return problems;
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
  if (variant.retrieval) problems.push(...retrievalProblems(variant.retrieval, field));
  return problems;
}

export function toVariantSpec(variant: RawVariant, fallbackName: string): VariantSpec {
  const retrieval = toRetrievalSettings(variant.retrieval);
  return {
    name: variant.name || fallbackName,
    ...(variant.promptVersion ? { promptVersion: variant.promptVersion } : {}),
    ...(variant.model ? { model: variant.model } : {}),
    ...(retrieval ? { retrieval } : {}),
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
