import type { RetrieveClient } from '@ragfleet/grpc';
import type { Passage, RetrievalSettings, Retriever } from '../domain/ports.ts';

/** The retrieve service's Search as the pipeline's Retriever port. */
export class GrpcRetriever implements Retriever {
  readonly #client: RetrieveClient;

  constructor(client: RetrieveClient) {
    this.#client = client;
  }

  async search(
    query: string,
    k: number,
    filters: Record<string, string>,
    signal: AbortSignal,
    settings: RetrievalSettings = {},
  ): Promise<Passage[]> {
    const { mode = '', fusion = '', rerank = '' } = settings;
    const response = await this.#client.search({ query, k, filters, mode, fusion, rerank }, { signal });
    return response.hits.map((hit) => ({
      documentId: hit.documentId,
      chunkId: hit.chunkId,
      title: hit.title,
      text: hit.text,
      score: hit.score,
      start: hit.start,
      end: hit.end,
    }));
  }
}
