/**
 * A complete answer as the response cache keeps it: what a hit replays, token chunk by token
 * chunk, with the usage the model reported when it wrote it.
 */
export interface CachedAnswer {
  tokens: string[];
  inputTokens: number;
  outputTokens: number;
  provider: string;
  model: string;
  finishReason: string;
}

/**
 * Exact-match store of finished answers, keyed by responseCacheKey. An adapter may lose entries
 * (eviction, TTL, an outage): a lost entry is only a miss.
 */
export interface ResponseCache {
  get(key: string): Promise<CachedAnswer | undefined>;
  set(key: string, answer: CachedAnswer): Promise<void>;
}

/** The shape a stored entry must have; anything else (an older format, a foreign key) is a miss. */
export function isCachedAnswer(value: unknown): value is CachedAnswer {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    Array.isArray(entry.tokens) &&
    entry.tokens.every((token) => typeof token === 'string') &&
    typeof entry.inputTokens === 'number' &&
    typeof entry.outputTokens === 'number' &&
    typeof entry.provider === 'string' &&
    typeof entry.model === 'string' &&
    typeof entry.finishReason === 'string'
  );
}
