import { describe, expect, it } from '@jest/globals';
import { ERROR_CODES, RagfleetError, isRagfleetError, toRagfleetError } from './index.ts';

describe('RagfleetError', () => {
  it('takes retryable from the code table unless told otherwise', () => {
    expect(new RagfleetError('RATE_LIMITED', 'slow down').retryable).toBe(true);
    expect(new RagfleetError('NOT_FOUND', 'gone').retryable).toBe(false);
    expect(new RagfleetError('NOT_FOUND', 'gone', { retryable: true }).retryable).toBe(true);
  });

  it('keeps internal detail out of its JSON form', () => {
    const error = new RagfleetError('INTERNAL', 'Internal error', { internal: 'db password wrong' });
    expect(JSON.stringify(error)).not.toContain('password');
  });

  it('wraps unknown failures as INTERNAL and passes its own through', () => {
    const own = new RagfleetError('NOT_FOUND', 'gone');
    expect(toRagfleetError(own)).toBe(own);
    const wrapped = toRagfleetError(new TypeError('x is undefined'));
    expect(wrapped.code).toBe('INTERNAL');
    expect(wrapped.internal).toBe('x is undefined');
    expect(isRagfleetError(new Error('plain'))).toBe(false);
  });

  it('maps every code to a 4xx/5xx HTTP status and a non-OK gRPC status', () => {
    for (const entry of Object.values(ERROR_CODES)) {
      expect(entry.http).toBeGreaterThanOrEqual(400);
      expect(entry.grpc).toBeGreaterThan(0);
    }
  });
});
