// The peer the issue names for /v1/search: Orama's hybrid search (BM25 full text + vector), run in
// this process over the same chunks, titles and vectors retrieve stored, with query vectors from
// the same local model and cache the in-process side uses. Orama is the in-process search library
// users of JavaScript RAG stacks know; ragfleet's search through the gateway should beat it.
import { create, insertMultiple, search, type AnyOrama } from '@orama/orama';
import type { DocumentStore } from '../../services/retrieve/src/domain/index/document-store.ts';

export interface OramaSearch {
  chunks: number;
  /** Hybrid search for `query`: resolves once Orama has the top `k`. */
  query(query: string, k: number): Promise<unknown>;
}

export async function composeOramaSearch(
  store: DocumentStore,
  tenant: string,
  embed: (texts: string[]) => Promise<number[][]>,
): Promise<OramaSearch> {
  const rows: Array<{ id: string; title: string; text: string; embedding: number[] }> = [];
  for await (const { tenant: owner, document, chunks } of store.scanIndexable()) {
    if (owner !== tenant) continue;
    for (const chunk of chunks)
      rows.push({ id: chunk.id, title: document.title, text: chunk.text, embedding: chunk.vector });
  }
  const dimensions = rows[0]?.embedding.length;
  if (!dimensions) throw new Error(`no chunks of tenant ${tenant} to give Orama`);
  const db: AnyOrama = create({
    schema: { title: 'string', text: 'string', embedding: `vector[${dimensions}]` },
  });
  await insertMultiple(db, rows, 500);
  return {
    chunks: rows.length,
    query: async (query, k) => {
      const [vector] = await embed([query]);
      return search(db, {
        mode: 'hybrid',
        term: query,
        properties: ['title', 'text'],
        vector: { value: vector!, property: 'embedding' },
        // Orama's default keeps only vectors at cosine >= 0.8; ragfleet's hybrid ranks every chunk.
        similarity: 0.1,
        limit: k,
      });
    },
  };
}
