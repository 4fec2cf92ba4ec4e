/** The answer to "may this caller go on?", with what the X-RateLimit-* headers need. */
export interface LimitDecision {
  allowed: boolean;
  /** The limit of the window that decided (requests per minute, per day, or concurrent streams). */
  limit: number;
  remaining: number;
  /** Until the window resets (per-minute or per-day windows); 0 for concurrency. */
  resetMs: number;
  /** 0 when allowed; otherwise how long to wait before trying again. */
  retryAfterMs: number;
}

/** The decision a client should see: a refusal wins, else the window closest to running out. */
export function bindingDecision(decisions: readonly LimitDecision[]): LimitDecision {
  const refused = decisions.filter((decision) => !decision.allowed);
  const candidates = refused.length > 0 ? refused : decisions;
  const sorted = [...candidates].sort(
    (a, b) => b.retryAfterMs - a.retryAfterMs || a.remaining - b.remaining || b.resetMs - a.resetMs,
  );
  const first = sorted[0];
  if (!first) throw new Error('bindingDecision needs at least one decision');
  return first;
}
