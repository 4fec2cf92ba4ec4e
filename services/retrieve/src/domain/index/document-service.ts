import { RagfleetError } from '@ragfleet/errors';
import { chunkId } from '../chunking/chunker.ts';
import { documentText } from '../chunking/document-text.ts';
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

  /**
   * A stored document's text. The store keeps no copy of it beside the chunks, so it is rebuilt
   * from them at their offsets, as an index-version rebuild does: every word where it was, and
   * only whitespace a chunker trimmed at a chunk's edge coming back as a space or line break.
   */
  async text(tenant: string, document: DocumentRecord): Promise<string> {
    const ids = Array.from({ length: document.chunkCount }, (_, n) => chunkId(document.id, n));
    const chunks = await this.#corpus.store.getChunks(tenant, ids);
    return documentText(document.length, chunks);
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
