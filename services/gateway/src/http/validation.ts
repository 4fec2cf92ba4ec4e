import type { z } from 'zod';
import { fieldDetails, RagfleetError, type FieldProblem } from '@ragfleet/errors';

function fieldName(source: string, path: ReadonlyArray<PropertyKey>): string {
  return [source, ...path.map((part) => String(part))].join('.');
}

/** zod issues as a list of named fields, so a client sees every problem at once. */
export function fieldProblems(source: string, error: z.ZodError): FieldProblem[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        field: fieldName(source, [...issue.path, key]),
        message: 'unknown field',
      }));
    }
    return [{ field: fieldName(source, issue.path), message: issue.message }];
  });
}

/** Parses one part of a request (body, query, params) or throws INVALID_ARGUMENT naming the fields. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, source: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fields = fieldProblems(source, result.error);
  const summary = fields
    .slice(0, 3)
    .map((problem) => `${problem.field}: ${problem.message}`)
    .join('; ');
  throw new RagfleetError('INVALID_ARGUMENT', `Invalid request: ${summary}`, {
    details: fieldDetails(fields),
  });
}
