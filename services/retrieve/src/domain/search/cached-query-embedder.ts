import type { Embedder } from '../index/embedder.ts';

export interface QueryEmbeddingCacheOptions {
  /** Vectors kept, most recently used first; 0 turns the cache off. */
  maxEntries: number;
}

/**
 * The searcher's embedder: a question asked again (a retry, a popular query, a page reload) is
 * answered from this process instead of a call to the embed service, which is a whole gRPC hop
 * (about 1.8 ms of CPU across both ends, a fifth of a /v1/search). Keyed by model and text, so a
 * cached vector always comes from the model the index was built with. Only for queries:
 * ingest's chunk texts are seen once and would only push the queries out.
 */
export class CachedQueryEmbedder implements Embedder {
  readonly model: string;
  readonly #inner: Embedder;
  readonly #maxEntries: number;
  // A Map iterates in insertion order: re-inserting on a hit keeps the least recent first.
  readonly #vectors = new Map<string, number[]>();

  constructor(inner: Embedder, options: QueryEmbeddingCacheOptions) {
    this.#inner = inner;
    this.model = inner.model;
    this.#maxEntries = Math.max(0, Math.floor(options.maxEntries));
  }

  get size(): number {
    return this.#vectors.size;
  }

  async embed(texts: string[], options?: { signal?: AbortSignal }): Promise<number[][]> {
    const found = texts.map((text) => this.#get(text));
    const missing = texts.filter((_, index) => found[index] === undefined);
    if (missing.length === 0) return found as number[][];
    const computed = await this.#inner.embed(missing, options);
    let next = 0;
    return found.map((vector, index) => {
      if (vector) return vector;
      // Frozen: every later search of this text shares the array.
      const fresh = Object.freeze(computed[next++]!) as number[];
      this.#set(texts[index]!, fresh);
      return fresh;
    });
  }

  #get(text: string): number[] | undefined {
    const vector = this.#vectors.get(text);
    if (vector) {
      this.#vectors.delete(text);
      this.#vectors.set(text, vector);
    }
    return vector;
  }

  #set(text: string, vector: number[]): void {
    if (this.#maxEntries === 0) return;
    this.#vectors.delete(text);
    this.#vectors.set(text, vector);
    if (this.#vectors.size > this.#maxEntries) this.#vectors.delete(this.#vectors.keys().next().value!);
  }
}
