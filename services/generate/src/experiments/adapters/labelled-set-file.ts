import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { LabelledSet } from '../domain/recall.ts';

const labelledSetSchema = z
  .object({
    tenant: z.string().trim().min(1),
    queries: z
      .array(
        z
          .object({
            query: z.string().trim().min(1),
            relevant: z.array(z.string().trim().min(1)).min(1),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

/**
 * Reads ROLLOUT_LABELLED_SET at start: a missing or malformed file fails the start (naming the
 * file and the field), not the first rollout that needs it.
 */
export async function readLabelledSet(path: string): Promise<LabelledSet> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(`ROLLOUT_LABELLED_SET ${path}: ${(error as Error).message}`, { cause: error });
  }
  const parsed = labelledSetSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`ROLLOUT_LABELLED_SET ${path}: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
  }
  return parsed.data;
}
