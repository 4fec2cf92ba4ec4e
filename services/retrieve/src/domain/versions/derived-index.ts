import { chunkId, type TextChunk } from '../chunking/chunker.ts';
import { chunkDocument, type ChunkingOptions } from '../chunking/chunking.ts';
import { chunkRecords } from '../chunking/chunk-records.ts';
import type { Corpus } from '../index/corpus.ts';
import type { DocumentStore } from '../index/document-store.ts';
import { documentText } from '../chunking/document-text.ts';
import type { Embedder } from '../index/embedder.ts';
import type { DocumentRecord } from '../index/records.ts';
import { SerialQueue } from '../index/serial-queue.ts';

export interface DocumentKey {
  tenant: string;
  documentId: string;
}

/**
 * An index version derived from the corpus of record: its own store and indexes, filled by
 * re-chunking each source document's text with its chunking and re-embedding it with its model.
 * Every sync reads the source as it is when the sync runs, one sync at a time, so a build's scan
 * and the writes that race it converge on the source's latest state in any order.
 */
export class DerivedIndex {
  readonly corpus: Corpus;
  readonly embedder: Embedder;
  readonly #source: DocumentStore;
  readonly #chunking: ChunkingOptions;
  readonly #queue = new SerialQueue();

  constructor(source: DocumentStore, corpus: Corpus, embedder: Embedder, chunking: ChunkingOptions) {
    this.#source = source;
    this.corpus = corpus;
    this.embedder = embedder;
    this.#chunking = chunking;
  }

  /** Brings these documents in line with the source (one embed call for all); returns the chunks written. */
  sync(keys: DocumentKey[]): Promise<number> {
    return this.#queue.run(async () => {
      const present: Array<{ key: DocumentKey; document: DocumentRecord; texts: TextChunk[] }> = [];
      for (const key of keys) {
        const document = await this.#source.getDocument(key.tenant, key.documentId);
        if (!document) {
          await this.corpus.deleteDocument(key.tenant, key.documentId);
          continue;
        }
        const ids = Array.from({ length: document.chunkCount }, (_, n) => chunkId(document.id, n));
        const chunks = await this.#source.getChunks(key.tenant, ids);
        const text = documentText(document.length, chunks);
        present.push({ key, document, texts: chunkDocument(text, this.#chunking) });
      }
      const texts = present.flatMap((entry) => entry.texts.map((piece) => piece.text));
      const vectors = texts.length > 0 ? await this.embedder.embed(texts) : [];
      const records = chunkRecords(
        present.map(({ document, texts: pieces }) => ({ id: document.id, pieces })),
        vectors,
      );
      for (const [i, { key, document }] of present.entries()) {
        const chunks = records[i] ?? [];
        await this.corpus.replaceDocument(key.tenant, { ...document, chunkCount: chunks.length }, chunks);
      }
      return texts.length;
    });
  }
}
