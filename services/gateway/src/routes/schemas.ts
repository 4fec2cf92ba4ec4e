import { z } from 'zod';

/* Shared pieces of the public request schemas (snake_case, strict: unknown fields are errors). */

const CONTROL_CHARACTER = /\p{Cc}/u;

export const resourceId = z
  .string()
  .min(1)
  .max(512)
  .refine((value) => !CONTROL_CHARACTER.test(value), 'must not contain control characters');

export const nonBlankText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((value) => value.trim().length > 0, 'must not be blank');

export const stringMap = z.record(z.string().min(1).max(256), z.string().max(4096));

export const topK = z.int().min(1).max(100);

export const idParams = z.object({ id: resourceId });
