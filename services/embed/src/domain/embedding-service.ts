import { RagfleetError, isRagfleetError } from '@ragfleet/errors';
import { embeddingCacheKey, type EmbeddingCache } from './embedding-cache.ts';
import type { EmbeddingProvider } from './embedding-provider.ts';
import { silentObserver, type EmbedObserver } from './embed-observer.ts';
import type { ModelCatalog } from './model-catalog.ts';
import { Semaphore } from './semaphore.ts';
import { DEFAULT_TEXT_LIMITS, validateTexts, type TextLimits } from './validate-texts.ts';
import { toUnitVector } from './vectors.ts';

export interface EmbeddingServiceOptions {
  catalog: ModelCatalog;
  cache: EmbeddingCache;
  /** Texts per provider call. */
  batchSize: number;
  /** Provider calls in flight at once, across all requests. */
  concurrency: number;
  limits?: Partial<TextLimits>;
  observer?: EmbedObserver;
  /** Monotonic clock in milliseconds. */
  now?: () => number;
}

export interface EmbedRequest {
  texts: string[];
  /** Empty or absent selects the default model. */
  model?: string;
  /** Aborting stops batches that have not started yet. */
  signal?: AbortSignal;
}

export interface EmbedResult {
  model: string;
  dimensions: number;
  /** Unit-length vectors, one per input text, in input order. */
  vectors: Float32Array[];
  cacheHits: number;
}

/** A text the cache did not have, and every input position that carries that same text. */
interface Miss {
  key: string;
  text: string;
  positions: number[];
}

/**
 * Embeds texts: cache first, then only the misses through the provider, in batches with a
 * bounded number of provider calls in flight, so that one large request cannot starve the
 * model for every other caller.
 */
export class EmbeddingService {
  readonly #catalog: ModelCatalog;
  readonly #cache: EmbeddingCache;
  readonly #batchSize: number;
  readonly #limits: TextLimits;
  readonly #observer: EmbedObserver;
  readonly #now: () => number;
  readonly #slots: Semaphore;

  constructor(options: EmbeddingServiceOptions) {
    if (!Number.isInteger(options.batchSize) || options.batchSize < 1) {
      throw new RangeError(`batchSize must be >= 1, got ${options.batchSize}`);
    }
    this.#catalog = options.catalog;
    this.#cache = options.cache;
    this.#batchSize = options.batchSize;
    this.#limits = { ...DEFAULT_TEXT_LIMITS, ...options.limits };
    this.#observer = options.observer ?? silentObserver;
    this.#now = options.now ?? (() => performance.now());
    this.#slots = new Semaphore(options.concurrency);
  }

  async embed(request: EmbedRequest): Promise<EmbedResult> {
    validateTexts(request.texts, this.#limits);
    const provider = this.#catalog.resolve(request.model ?? '');
    const keys = request.texts.map((text) => embeddingCacheKey(provider.model, text));
    const vectors = await this.#cache.getMany(keys);

    const misses = new Map<string, Miss>();
    keys.forEach((key, position) => {
      if (vectors[position] !== undefined) return;
      const miss = misses.get(key);
      if (miss) miss.positions.push(position);
      else misses.set(key, { key, text: request.texts[position]!, positions: [position] });
    });
    const cacheHits =
      request.texts.length - [...misses.values()].reduce((n, miss) => n + miss.positions.length, 0);
    this.#observer.cacheLookedUp(cacheHits, request.texts.length - cacheHits);

    const computed = await this.#embedMisses(provider, [...misses.values()], request.signal);
    for (const { miss, vector } of computed)
      for (const position of miss.positions) vectors[position] = vector;
    if (computed.length > 0)
      await this.#cache.setMany(computed.map(({ miss, vector }) => ({ key: miss.key, vector })));

    const complete = vectors as Float32Array[];
    return { model: provider.model, dimensions: complete[0]?.length ?? 0, vectors: complete, cacheHits };
  }

  async #embedMisses(
    provider: EmbeddingProvider,
    misses: Miss[],
    signal: AbortSignal | undefined,
  ): Promise<Array<{ miss: Miss; vector: Float32Array }>> {
    const batches: Miss[][] = [];
    for (let start = 0; start < misses.length; start += this.#batchSize) {
      batches.push(misses.slice(start, start + this.#batchSize));
    }
    // Once one batch fails the request is lost: queued batches give their turn to other requests.
    const abandoned = new AbortController();
    const results = batches.map((batch) =>
      this.#slots.run(async () => {
        if (signal?.aborted) throw new RagfleetError('CANCELLED', 'cancelled by caller');
        if (abandoned.signal.aborted) throw abandoned.signal.reason;
        try {
          const vectors = await this.#embedBatch(
            provider,
            batch.map((miss) => miss.text),
          );
          return batch.map((miss, index) => ({ miss, vector: vectors[index]! }));
        } catch (error) {
          abandoned.abort(error);
          throw error;
        }
      }),
    );
    // allSettled first so that no batch is left running unobserved when one fails.
    const settled = await Promise.allSettled(results);
    const failure = settled.find((outcome) => outcome.status === 'rejected');
    if (failure) throw failure.reason;
    return settled.flatMap((outcome) => (outcome.status === 'fulfilled' ? outcome.value : []));
  }

  async #embedBatch(provider: EmbeddingProvider, texts: string[]): Promise<Float32Array[]> {
    const started = this.#now();
    let raw: Float32Array[] | number[][];
    try {
      raw = await provider.embed(texts);
    } catch (error) {
      if (isRagfleetError(error)) throw error;
      throw new RagfleetError('PROVIDER_UNAVAILABLE', `Embedding model ${provider.model} failed`, {
        internal: error instanceof Error ? error.message : String(error),
        cause: error,
      });
    }
    const seconds = (this.#now() - started) / 1000;
    if (raw.length !== texts.length) {
      throw new RagfleetError('PROVIDER_UNAVAILABLE', `Embedding model ${provider.model} failed`, {
        internal: `asked for ${texts.length} vectors, got ${raw.length}`,
      });
    }
    this.#observer.batchEmbedded(provider.name, provider.model, texts.length, seconds);
    return raw.map((vector) => toUnitVector(vector));
  }
}
