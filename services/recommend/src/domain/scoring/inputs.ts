import { RagfleetError, fieldDetails, type FieldProblem } from '@ragfleet/errors';
import { z } from 'zod';
import type { Candidate, ExpectedEffects, SubjectContext } from './types.ts';

/**
 * Validation of what the scorer reads, so that NaN, a risk of 3 or a negative step count is
 * refused with INVALID_ARGUMENT (details.fields) instead of yielding a meaningless score.
 */
const unit = z.number().finite().min(0).max(1);
const count = z.number().finite().nonnegative();

const candidateSchema = z.object({
  id: z.string().min(1),
  category: z.string().min(1),
  action: z.string().min(1),
  target: z.string(),
  effects: z
    .object({
      revenueDeltaFraction: z.number().finite().min(-1).optional(),
      steps: count.optional(),
      risk: unit.optional(),
      daysToValue: count.optional(),
      inputsPresent: count.optional(),
      inputsExpected: count.optional(),
    })
    .refine((e) => (e.inputsPresent === undefined) === (e.inputsExpected === undefined), {
      message: 'inputsPresent and inputsExpected come together',
      path: ['inputsPresent'],
    }),
});

const contextSchema = z.object({
  health: unit.optional(),
  networkConditions: unit.optional(),
  metricCompleteness: unit.optional(),
});

function parseWith<T>(schema: z.ZodType<T>, input: unknown, prefix: string, what: string): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems: FieldProblem[] = parsed.error.issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].filter((part) => part !== '').join('.'),
    message: issue.message,
  }));
  const summary = problems.map((p) => `${p.field}: ${p.message}`).join('; ');
  throw new RagfleetError('INVALID_ARGUMENT', `Invalid ${what}: ${summary}`, {
    details: fieldDetails(problems),
  });
}

export function parseCandidate(input: unknown, prefix = ''): Candidate {
  return parseWith(candidateSchema, input, prefix, 'candidate') as Candidate;
}

export function parseSubjectContext(input: unknown): SubjectContext {
  return parseWith(contextSchema, input, '', 'subject context') as SubjectContext;
}

/** The expected effects' fields, as the protos and the candidate schema name them. */
export const EFFECT_FIELDS = [
  'revenueDeltaFraction',
  'steps',
  'risk',
  'daysToValue',
  'inputsPresent',
  'inputsExpected',
] as const satisfies ReadonlyArray<keyof ExpectedEffects>;

/**
 * The effects a message actually set: unset fields (and proto-loader's `_field` oneof markers)
 * are left out, so that a missing effect scores neutrally instead of as 0.
 */
export function setEffects(
  source: Partial<Record<keyof ExpectedEffects, unknown>> | null | undefined,
): Record<string, number> & ExpectedEffects {
  const effects: Record<string, number> = {};
  for (const field of EFFECT_FIELDS) {
    const value = source?.[field];
    if (typeof value === 'number') effects[field] = value;
  }
  return effects;
}
