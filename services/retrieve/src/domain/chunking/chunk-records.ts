import { chunkId, type TextChunk } from './chunker.ts';
import type { ChunkRecord } from '../index/records.ts';

/**
 * Pairs each document's chunks with their vectors, which the embedder returned for all the
 * documents' chunk texts in one flat list (one call per group, so the embed service can batch).
 */
export function chunkRecords(
  documents: ReadonlyArray<{ id: string; pieces: readonly TextChunk[] }>,
  vectors: number[][],
): ChunkRecord[][] {
  const expected = documents.reduce((sum, document) => sum + document.pieces.length, 0);
  if (vectors.length !== expected) {
    throw new Error(`embedder returned ${vectors.length} vectors for ${expected} texts`);
  }
  let next = 0;
  return documents.map(({ id, pieces }) =>
    pieces.map((piece, n) => ({
      id: chunkId(id, n),
      documentId: id,
      n,
      text: piece.text,
      start: piece.start,
      end: piece.end,
      vector: vectors[next++] ?? [],
    })),
  );
}
