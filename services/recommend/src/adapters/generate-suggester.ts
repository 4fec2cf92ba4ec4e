import type { GenerateClient } from '@ragfleet/grpc';
import type { GenerateV1 } from '@ragfleet/protos';
import type { Suggester, SuggestRequest, SuggestResult } from '../domain/ports.ts';

/**
 * Model candidates through generate's Suggest (the model chain, grounded in the tenant's
 * documents). Called through the client's raw unary so as not to depend on when the typed
 * suggest() method lands; it is a model call, so it gets a model-sized deadline.
 */
export class GenerateSuggester implements Suggester {
  readonly #client: GenerateClient;
  readonly #deadlineMs: number;

  constructor(client: GenerateClient, deadlineMs: number) {
    this.#client = client;
    this.#deadlineMs = deadlineMs;
  }

  async suggest(request: SuggestRequest, signal?: AbortSignal): Promise<SuggestResult> {
    const message: GenerateV1.SuggestRequest = {
      subject: request.subject,
      actions: request.actions,
      searchQuery: request.searchQuery,
      k: request.k,
      tier: request.tier,
      maxSuggestions: request.maxSuggestions,
    };
    const response = await this.#client.grpc.unary<GenerateV1.SuggestResponse__Output>('Suggest', message, {
      deadlineMs: this.#deadlineMs,
      signal,
    });
    return { text: response.text, documentIds: response.citations.map((citation) => citation.documentId) };
  }
}
