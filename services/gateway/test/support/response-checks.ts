import { expect } from '@jest/globals';
import type { z } from 'zod';

export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Parses with the documented schema, which drops undocumented fields: equal means it conforms. */
export function conforms(schema: z.ZodType, value: unknown): void {
  const result = schema.safeParse(value);
  expect(result.success ? 'ok' : result.error.issues).toBe('ok');
  expect(result.data).toStrictEqual(value);
}

/** Checks an error response's status and stable code; returns its `error` object. */
export async function expectError(response: Response, status: number, code: string): Promise<Json> {
  const body = (await response.json()) as Json;
  expect({ status: response.status, code: body.error?.code }).toEqual({ status, code });
  return body.error;
}

/** The fields an error's `details.fields` names, in order. */
export const fieldsOf = (error: Json): string[] =>
  (error.details?.fields ?? []).map((field: Json) => field.field);
