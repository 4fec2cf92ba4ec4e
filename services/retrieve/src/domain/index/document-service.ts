import { RagfleetError } from '@ragfleet/errors';
import type { Corpus } from './corpus.ts';
import type { DocumentRecord } from './records.ts';

/** Reading and deleting one tenant's documents. */
export class DocumentService {
  readonly #corpus: Corpus;

  constructor(corpus: Corpus) {
    this.#corpus = corpus;
  }

  async get(tenant: string, id: string): Promise<DocumentRecord> {
    const document = id ? await this.#corpus.store.getDocument(tenant, id) : undefined;
    if (!document)
      throw new RagfleetError('NOT_FOUND', `document "${id}" not found`, { details: { field: 'id' } });
    return document;
  }

  /** Idempotent: deleting a missing document reports deleted=false rather than failing. */
  async delete(tenant: string, id: string): Promise<{ deleted: boolean; chunksRemoved: number }> {
    if (!id)
      throw new RagfleetError('INVALID_ARGUMENT', 'id: must not be empty', { details: { field: 'id' } });
    const exists = await this.#corpus.store.getDocument(tenant, id);
    const chunksRemoved = await this.#corpus.deleteDocument(tenant, id);
    return { deleted: exists !== undefined, chunksRemoved };
  }
}
