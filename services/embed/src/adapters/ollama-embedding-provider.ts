import { Ollama } from 'ollama';
import { RagfleetError } from '@ragfleet/errors';
import type { EmbeddingProvider } from '../domain/embedding-provider.ts';

export interface OllamaEmbeddingOptions {
  host: string;
  model: string;
}

/** An embedding model served by Ollama (e.g. nomic-embed-text) through its official client. */
export class OllamaEmbeddingProvider implements EmbeddingProvider {
  readonly name = 'ollama';
  readonly model: string;
  readonly #client: Ollama;
  readonly #host: string;
  #dimensions = 0;

  constructor(options: OllamaEmbeddingOptions) {
    this.model = options.model;
    this.#host = options.host;
    this.#client = new Ollama({ host: options.host });
  }

  /** Learnt from the first answer: Ollama's API does not state it up front. */
  get dimensions(): number {
    return this.#dimensions;
  }

  async embed(texts: string[]): Promise<number[][]> {
    let embeddings: number[][];
    try {
      ({ embeddings } = await this.#client.embed({ model: this.model, input: texts }));
    } catch (error) {
      throw new RagfleetError('PROVIDER_UNAVAILABLE', `Ollama could not embed with ${this.model}`, {
        internal: `ollama at ${this.#host}: ${error instanceof Error ? error.message : String(error)}`,
        cause: error,
      });
    }
    if (embeddings.length !== texts.length) {
      throw new RagfleetError('PROVIDER_UNAVAILABLE', `Ollama could not embed with ${this.model}`, {
        internal: `asked for ${texts.length} vectors, got ${embeddings.length}`,
      });
    }
    this.#dimensions = embeddings[0]?.length ?? this.#dimensions;
    return embeddings;
  }
}
