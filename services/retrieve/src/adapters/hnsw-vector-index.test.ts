import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { makeTempDir } from '../../test/support/temp-dir.ts';
import type { IndexEntry } from '../domain/index/vector-index.ts';
import { HnswVectorIndex } from './hnsw-vector-index.ts';

const options = { m: 16, efConstruction: 200, efSearch: 16, initialCapacity: 64 };
let dir: { path: string; remove: () => Promise<void> };

beforeEach(async () => {
  dir = await makeTempDir();
});
afterEach(() => dir.remove());

/** A seeded pseudo-random vector, so runs are repeatable. */
function vector(seed: number, dimensions = 16): number[] {
  let state = seed * 2654435761 + 1;
  return Array.from({ length: dimensions }, () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31 - 0.5;
  });
}

function entries(
  documentId: string,
  count: number,
  seed: number,
  metadata: Record<string, string> = {},
): IndexEntry[] {
  return Array.from({ length: count }, (_, n) => ({
    chunkId: `${documentId}#${n}`,
    documentId,
    vector: vector(seed + n),
    metadata,
  }));
}

describe('HnswVectorIndex', () => {
  it('returns the k nearest with cosine scores, best first', async () => {
    const index = await HnswVectorIndex.open(dir.path, options);
    index.upsertDocument('acme', 'd1', entries('d1', 50, 1));
    const hits = index.search('acme', vector(7), 5);
    expect(hits).toHaveLength(5);
    expect(hits[0]).toMatchObject({ chunkId: 'd1#6', documentId: 'd1' });
    expect(hits[0]?.score).toBeCloseTo(1, 5);
    const scores = hits.map((hit) => hit.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('still returns k results under a selective metadata filter', async () => {
    const index = await HnswVectorIndex.open(dir.path, options);
    for (let d = 0; d < 100; d++)
      index.upsertDocument('acme', `common-${d}`, entries(`common-${d}`, 20, d * 100, { kind: 'common' }));
    for (let d = 0; d < 3; d++)
      index.upsertDocument('acme', `rare-${d}`, entries(`rare-${d}`, 4, 50_000 + d * 10, { kind: 'rare' }));
    const hits = index.search('acme', vector(123), 10, { equals: { kind: 'rare' } });
    expect(hits).toHaveLength(10);
    expect(new Set(hits.map((hit) => hit.documentId.split('-')[0]))).toEqual(new Set(['rare']));
    // Fewer than k match: all of them, and no others.
    expect(index.search('acme', vector(123), 50, { equals: { kind: 'rare' } })).toHaveLength(12);
    expect(index.search('acme', vector(1), 5, { equals: { kind: 'missing' } })).toEqual([]);
  });

  it('filters by document_id', async () => {
    const index = await HnswVectorIndex.open(dir.path, options);
    index.upsertDocument('acme', 'a', entries('a', 10, 1));
    index.upsertDocument('acme', 'b', entries('b', 10, 1));
    const hits = index.search('acme', vector(1), 5, { equals: { document_id: 'b' } });
    expect(hits).toHaveLength(5);
    expect(hits.every((hit) => hit.documentId === 'b')).toBe(true);
  });

  it('never returns another tenant’s chunks, even the same document id', async () => {
    const index = await HnswVectorIndex.open(dir.path, options);
    index.upsertDocument('acme', 'shared', entries('shared', 30, 1, { team: 'x' }));
    index.upsertDocument('globex', 'shared', entries('shared', 2, 9_000, { team: 'x' }));
    const hits = index.search('globex', vector(1), 10);
    expect(hits).toHaveLength(2);
    expect(index.search('initech', vector(1), 10)).toEqual([]);
    expect(index.deleteDocument('initech', 'shared')).toBe(0);
    expect(index.search('acme', vector(1), 100)).toHaveLength(30);
  });

  it('replaces a document’s entries on upsert and removes them on delete', async () => {
    const index = await HnswVectorIndex.open(dir.path, options);
    index.upsertDocument('acme', 'd', entries('d', 40, 1));
    index.upsertDocument('acme', 'd', entries('d', 3, 500));
    expect(index.size).toBe(3);
    expect(
      index
        .search('acme', vector(1), 10)
        .map((hit) => hit.chunkId)
        .sort(),
    ).toEqual(['d#0', 'd#1', 'd#2']);
    expect(index.deleteDocument('acme', 'd')).toBe(3);
    expect(index.size).toBe(0);
    expect(index.search('acme', vector(1), 10)).toEqual([]);
  });

  it('grows past its initial capacity', async () => {
    const index = await HnswVectorIndex.open(dir.path, { ...options, initialCapacity: 8 });
    for (let d = 0; d < 10; d++) index.upsertDocument('acme', `d${d}`, entries(`d${d}`, 10, d * 10));
    expect(index.size).toBe(100);
    expect(index.search('acme', vector(55), 1)[0]?.chunkId).toBe('d5#5');
  });

  it('persists graph, labels and marker, and reopens with the same results', async () => {
    const index = await HnswVectorIndex.open(dir.path, options);
    index.upsertDocument('acme', 'a', entries('a', 30, 1, { lang: 'en' }));
    index.upsertDocument('acme', 'b', entries('b', 30, 100, { lang: 'fr' }));
    index.deleteDocument('acme', 'a');
    index.upsertDocument('globex', 'c', entries('c', 5, 200));
    await index.persist('epoch:7');
    const before = index.search('acme', vector(105), 5, { equals: { lang: 'fr' } });

    const reopened = await HnswVectorIndex.open(dir.path, options);
    expect(reopened.marker).toBe('epoch:7');
    expect(reopened.size).toBe(35);
    expect(reopened.search('acme', vector(105), 5, { equals: { lang: 'fr' } })).toEqual(before);
    expect(reopened.search('acme', vector(1), 100).every((hit) => hit.documentId === 'b')).toBe(true);
    // New labels after reopening never collide with persisted ones.
    reopened.upsertDocument('acme', 'd', entries('d', 2, 300));
    expect(reopened.search('acme', vector(105), 1)[0]?.chunkId).toBe('b#5');
  });

  it('opens empty without a marker when nothing was persisted', async () => {
    const index = await HnswVectorIndex.open(dir.path, options);
    expect(index.marker).toBeUndefined();
    expect(index.search('acme', vector(1), 5)).toEqual([]);
  });
});
