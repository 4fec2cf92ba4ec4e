import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Clear keys look like `rf_<43 base64url chars>`: 256 random bits, recognisable in a leak scan. */
export const API_KEY_PREFIX = 'rf_';
const HASH_FORMAT = /^sha256:[0-9a-f]{64}$/;

export function generateApiKey(): string {
  return `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/**
 * Keys are random with 256 bits of entropy, so a fast unsalted SHA-256 is enough to make a
 * stolen hash useless (there is nothing to brute-force) and keeps a lookup at microseconds.
 */
export function hashApiKey(key: string): string {
  return `sha256:${createHash('sha256').update(key, 'utf8').digest('hex')}`;
}

export function isApiKeyHash(value: string): boolean {
  return HASH_FORMAT.test(value);
}

/** A short public id for a key, safe to log and to put in URLs (DELETE /v1/admin/keys/:id). */
export function newKeyId(): string {
  return `key_${randomBytes(9).toString('base64url')}`;
}

/** Compares secrets in constant time whatever their lengths. */
export function secretsEqual(offered: string, expected: string): boolean {
  const a = createHash('sha256').update(offered, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}
