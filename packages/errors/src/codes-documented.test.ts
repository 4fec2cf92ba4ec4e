import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES } from './codes.ts';

describe('docs/errors.md', () => {
  it('documents every error code with its HTTP status and retryability', () => {
    const doc = readFileSync(join(import.meta.dirname, '../../../docs/errors.md'), 'utf8');
    const rows = new Map(
      [...doc.matchAll(/^\|\s*([A-Z_]+)\s*\|\s*(\d{3})\s*\|\s*(yes|no)\s*\|/gm)].map((m) => [
        m[1],
        { http: Number(m[2]), retryable: m[3] === 'yes' },
      ]),
    );
    for (const [code, entry] of Object.entries(ERROR_CODES)) {
      expect({ code, ...rows.get(code) }).toEqual({ code, http: entry.http, retryable: entry.retryable });
    }
    expect(rows.size).toBe(Object.keys(ERROR_CODES).length);
  });
});
