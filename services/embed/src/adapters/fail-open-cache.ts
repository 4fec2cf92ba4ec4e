import type { EmbeddingCache } from '../domain/embedding-cache.ts';

export interface CacheLogger {
  warn(object: object, message: string): void;
  info(object: object, message: string): void;
}

/**
 * A cache is an optimisation: when it fails, embedding goes on without it. The outage is
 * logged once when it starts and once when it ends, not on every request.
 */
export class FailOpenCache implements EmbeddingCache {
  readonly #inner: EmbeddingCache;
  readonly #logger: CacheLogger;
  #failing = false;

  constructor(inner: EmbeddingCache, logger: CacheLogger) {
    this.#inner = inner;
    this.#logger = logger;
  }

  async getMany(keys: string[]): Promise<Array<Float32Array | undefined>> {
    try {
      const values = await this.#inner.getMany(keys);
      this.#recovered();
      return values;
    } catch (error) {
      this.#failed(error);
      return keys.map(() => undefined);
    }
  }

  async setMany(entries: Array<{ key: string; vector: Float32Array }>): Promise<void> {
    try {
      await this.#inner.setMany(entries);
      this.#recovered();
    } catch (error) {
      this.#failed(error);
    }
  }

  #failed(error: unknown): void {
    if (this.#failing) return;
    this.#failing = true;
    this.#logger.warn(
      { err: error instanceof Error ? error.message : String(error) },
      'embedding cache unavailable; embedding without it',
    );
  }

  #recovered(): void {
    if (!this.#failing) return;
    this.#failing = false;
    this.#logger.info({}, 'embedding cache available again');
  }
}
