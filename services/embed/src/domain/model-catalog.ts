import { RagfleetError } from '@ragfleet/errors';
import type { EmbeddingProvider } from './embedding-provider.ts';

export interface ModelDescription {
  name: string;
  provider: string;
  dimensions: number;
  isDefault: boolean;
}

/** The models this replica serves, by name; an empty name selects the default. */
export class ModelCatalog {
  readonly #providers = new Map<string, EmbeddingProvider>();
  readonly #defaultModel: string;

  constructor(providers: EmbeddingProvider[], defaultModel: string) {
    for (const provider of providers) {
      if (this.#providers.has(provider.model)) throw new Error(`two providers serve model ${provider.model}`);
      this.#providers.set(provider.model, provider);
    }
    if (!this.#providers.has(defaultModel)) throw new Error(`default model ${defaultModel} has no provider`);
    this.#defaultModel = defaultModel;
  }

  get defaultModel(): string {
    return this.#defaultModel;
  }

  resolve(model: string): EmbeddingProvider {
    const provider = this.#providers.get(model === '' ? this.#defaultModel : model);
    if (!provider) {
      throw new RagfleetError('INVALID_ARGUMENT', `Unknown embedding model "${model}"`, {
        details: { field: 'model', available: [...this.#providers.keys()] },
      });
    }
    return provider;
  }

  list(): ModelDescription[] {
    return [...this.#providers.values()].map((provider) => ({
      name: provider.model,
      provider: provider.name,
      dimensions: provider.dimensions,
      isDefault: provider.model === this.#defaultModel,
    }));
  }
}
