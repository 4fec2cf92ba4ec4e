import { describe, expect, it } from '@jest/globals';
import { redeliveryDelayMs, resolveSubscribeOptions } from './delivery-policy.ts';

describe('redeliveryDelayMs', () => {
  it('doubles from the base delay after each failed attempt, up to the cap', () => {
    const policy = { baseDelayMs: 200, maxDelayMs: 1000 };
    expect([1, 2, 3, 4, 5].map((attempt) => redeliveryDelayMs(attempt, policy))).toEqual([
      200, 400, 800, 1000, 1000,
    ]);
  });
});

describe('resolveSubscribeOptions', () => {
  it('fills the documented defaults', () => {
    expect(resolveSubscribeOptions({ durable: 'd' })).toEqual({
      durable: 'd',
      maxAttempts: 5,
      ackWaitMs: 30_000,
      concurrency: 1,
    });
  });

  it('never goes below one attempt or one running handler', () => {
    expect(resolveSubscribeOptions({ durable: 'd', maxAttempts: 0, concurrency: -2 })).toMatchObject({
      maxAttempts: 1,
      concurrency: 1,
    });
  });
});
