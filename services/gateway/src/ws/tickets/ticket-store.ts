/**
 * Where WebSocket tickets wait to be used: each value is taken at most once, and not after its
 * time. Keys are ticket hashes, never the tickets themselves, so a store's contents open nothing.
 */
export interface TicketStore {
  /** Keeps `value` under `key` for `ttlMs`. */
  put(key: string, value: string, ttlMs: number): Promise<void>;
  /** The value, removed in the same step (a second take finds nothing); undefined if absent or expired. */
  take(key: string): Promise<string | undefined>;
}

const MAX_ENTRIES = 100_000;

/** One process's tickets: development, or a single replica without Redis. */
export class MemoryTicketStore implements TicketStore {
  readonly #entries = new Map<string, { value: string; expires: number }>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  async put(key: string, value: string, ttlMs: number): Promise<void> {
    const now = this.#now();
    // Expired entries go when new ones come, so memory stays bounded by the rate of issuing.
    for (const [stored, entry] of this.#entries) if (entry.expires <= now) this.#entries.delete(stored);
    if (this.#entries.size >= MAX_ENTRIES) this.#entries.delete(this.#entries.keys().next().value as string);
    this.#entries.set(key, { value, expires: now + ttlMs });
  }

  async take(key: string): Promise<string | undefined> {
    const entry = this.#entries.get(key);
    this.#entries.delete(key);
    return entry && entry.expires > this.#now() ? entry.value : undefined;
  }
}
