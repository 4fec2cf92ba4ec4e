import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { apiKeyRecordSchema, type ApiKeyRecord } from './key-record.ts';

/**
 * GATEWAY_API_KEYS_FILE: JSON or YAML (a Kubernetes Secret mounted as a file works as is).
 *
 *   keys:
 *     - id: acme-ci                 # public id, shows in logs; unique
 *       hash: sha256:<64 hex>       # `node services/gateway/src/auth/hash-api-key.ts <key>`
 *       tenant: acme
 *       user: ci-bot                # optional, defaults to the id
 *       tier: standard              # free (default) | standard | premium
 *       scopes: [search, rag]       # optional, defaults to ['*']; 'admin' opens /v1/admin
 *       budget:                     # optional: this key's spend limits in USD, set in the router
 *         day_usd: 5                #   at start (they replace what /v1/admin/budgets set for it)
 *         month_usd: 100
 *
 * A bare list of entries (without `keys:`) is accepted too.
 */
const keyListSchema = z.array(apiKeyRecordSchema);
// Chosen by shape rather than z.union, whose error would hide which entry and field is wrong.
const keyFileSchema = z.strictObject({ keys: keyListSchema });

export class KeyFileError extends Error {
  constructor(path: string, problems: string[]) {
    super(`API key file ${path} is invalid:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'KeyFileError';
  }
}

/** Parses the file's text; every problem is reported by entry and field, never with a hash value. */
export function parseKeyFile(text: string, path: string): ApiKeyRecord[] {
  let data: unknown;
  try {
    // YAML is a superset of JSON, so one parser reads both.
    data = parseYaml(text);
  } catch (error) {
    throw new KeyFileError(path, [`not JSON or YAML: ${(error as Error).message.split('\n')[0]}`]);
  }
  const result = Array.isArray(data)
    ? keyListSchema.transform((keys) => ({ keys })).safeParse(data)
    : keyFileSchema.safeParse(data ?? { keys: [] });
  if (!result.success) {
    throw new KeyFileError(
      path,
      result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
    );
  }
  const { keys } = result.data;
  const problems: string[] = [];
  const ids = new Set<string>();
  const hashes = new Set<string>();
  keys.forEach((key, index) => {
    if (ids.has(key.id)) problems.push(`keys.${index}.id: duplicate id "${key.id}"`);
    if (hashes.has(key.hash)) problems.push(`keys.${index}.hash: the same key appears twice`);
    ids.add(key.id);
    hashes.add(key.hash);
  });
  if (problems.length > 0) throw new KeyFileError(path, problems);
  return keys;
}

export async function loadKeyFile(path: string): Promise<ApiKeyRecord[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new KeyFileError(path, [`cannot be read: ${(error as Error).message}`]);
  }
  return parseKeyFile(text, path);
}
