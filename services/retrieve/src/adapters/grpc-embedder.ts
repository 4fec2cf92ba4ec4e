import type { EmbedClient } from '@ragfleet/grpc';
import type { Embedder } from '../domain/index/embedder.ts';

export interface GrpcEmbedderOptions {
  /** Empty: the embed service's default model. */
  model: string;
  /** Texts per Embed call. */
  batchSize?: number;
  /** Calls in flight at once, so the embed service's workers stay busy. */
  concurrency?: number;
}

/** The Embedder port over the embed service. */
export class GrpcEmbedder implements Embedder {
  readonly model: string;
  readonly #client: EmbedClient;
  readonly #batchSize: number;
  readonly #concurrency: number;

  constructor(client: EmbedClient, options: GrpcEmbedderOptions) {
    this.#client = client;
    this.model = options.model || 'default';
    this.#batchSize = options.batchSize ?? 64;
    this.#concurrency = options.concurrency ?? 2;
  }

  async embed(texts: string[], options: { signal?: AbortSignal } = {}): Promise<number[][]> {
    const batches: string[][] = [];
    for (let i = 0; i < texts.length; i += this.#batchSize) batches.push(texts.slice(i, i + this.#batchSize));
    const results: number[][][] = new Array<number[][]>(batches.length);
    let next = 0;
    const lane = async () => {
      while (next < batches.length) {
        const index = next++;
        const response = await this.#client.embed(
          { texts: batches[index], model: this.#requestModel() },
          { signal: options.signal },
        );
        results[index] = response.embeddings.map((embedding) => embedding.values);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.#concurrency, batches.length) }, lane));
    return results.flat();
  }

  #requestModel(): string {
    return this.model === 'default' ? '' : this.model;
  }
}
