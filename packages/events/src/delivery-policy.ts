export const DEFAULT_MAX_ATTEMPTS = 5;
export const DEFAULT_ACK_WAIT_MS = 30_000;
export const DEFAULT_CONCURRENCY = 1;
export const DEFAULT_DUPLICATE_WINDOW_MS = 2 * 60_000;

/** How long a failed event waits before its next attempt: base * 2^(attempt-1), capped. */
export interface RedeliveryPolicy {
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_REDELIVERY: RedeliveryPolicy = { baseDelayMs: 200, maxDelayMs: 30_000 };

/** Delay before the attempt after `failedAttempt` (1-based). */
export function redeliveryDelayMs(failedAttempt: number, policy: RedeliveryPolicy): number {
  const exponent = Math.max(0, failedAttempt - 1);
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
}

/** The subscribe options with the documented defaults filled in. */
export function resolveSubscribeOptions(options: {
  durable: string;
  maxAttempts?: number;
  ackWaitMs?: number;
  concurrency?: number;
}): { durable: string; maxAttempts: number; ackWaitMs: number; concurrency: number } {
  return {
    durable: options.durable,
    maxAttempts: Math.max(1, options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS),
    ackWaitMs: Math.max(1, options.ackWaitMs ?? DEFAULT_ACK_WAIT_MS),
    concurrency: Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY),
  };
}
