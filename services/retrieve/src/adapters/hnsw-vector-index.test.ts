import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeTempDir } from '../../test/support/temp-dir.ts';
import type { IndexEntry } from '../domain/index/vector-index.ts';
import { exactScanLimit } from './hnsw-tenant-graph.ts';
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
    await index.upsertDocument('acme', 'd1', entries('d1', 50, 1));
    const hits = await index.search('acme', vector(7), 5);
    expect(hits).toHaveLength(5);
    expect(hits[0]).toMatchObject({ chunkId: 'd1#6', documentId: 'd1' });
    expect(hits[0]?.score).toBeCloseTo(1, 5);
    const scores = hits.map((hit) => hit.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('still returns k results under a selective metadata filter', async () => {
    const index = await HnswVectorIndex.open(dir.path, options);
    for (let d = 0; d < 100; d++)
      await index.upsertDocument(
        'acme',
        `common-${d}`,
        entries(`common-${d}`, 20, d * 100, { kind: 'common' }),
      );
    for (let d = 0; d < 3; d++)
      await index.upsertDocument(
        'acme',
        `rare-${d}`,
        entries(`rare-${d}`, 4, 50_000 + d * 10, { kind: 'rare' }),
      );
    const hits = await index.search('acme', vector(123), 10, { equals: { kind: 'rare' } });
    expect(hits).toHaveLength(10);
    expect(new Set(hits.map((hit) => hit.documentId.split('-')[0]))).toEqual(new Set(['rare']));
    // Fewer than k match: all of them, and no others.
    expect(await index.search('acme', vector(123), 50, { equals: { kind: 'rare' } })).toHaveLength(12);
    expect(await index.search('acme', vector(1), 5, { equals: { kind: 'missing' } })).toEqual([]);
  });

  it('filters by document_id', async () => {
    const index = await HnswVectorIndex.open(dir.path, options);
    await index.upsertDocument('acme', 'a', entries('a', 10, 1));
    await index.upsertDocument('acme', 'b', entries('b', 10, 1));
    const hits = await index.search('acme', vector(1), 5, { equals: { document_id: 'b' } });
    expect(hits).toHaveLength(5);
    expect(hits.every((hit) => hit.documentId === 'b')).toBe(true);
  });

  it('never returns another tenant’s chunks, even the same document id', async () => {
    const index = await HnswVectorIndex.open(dir.path, options);
    await index.upsertDocument('acme', 'shared', entries('shared', 30, 1, { team: 'x' }));
    await index.upsertDocument('globex', 'shared', entries('shared', 2, 9_000, { team: 'x' }));
    const hits = await index.search('globex', vector(1), 10);
    expect(hits).toHaveLength(2);
    expect(await index.search('initech', vector(1), 10)).toEqual([]);
    expect(await index.deleteDocument('initech', 'shared')).toBe(0);
    expect(await index.search('acme', vector(1), 100)).toHaveLength(30);
  });

  it('replaces a document’s entries on upsert and removes them on delete', async () => {
    const index = await HnswVectorIndex.open(dir.path, options);
    await index.upsertDocument('acme', 'd', entries('d', 40, 1));
    await index.upsertDocument('acme', 'd', entries('d', 3, 500));
    expect(index.size).toBe(3);
    expect((await index.search('acme', vector(1), 10)).map((hit) => hit.chunkId).sort()).toEqual([
      'd#0',
      'd#1',
      'd#2',
    ]);
    expect(await index.deleteDocument('acme', 'd')).toBe(3);
    expect(index.size).toBe(0);
    expect(await index.search('acme', vector(1), 10)).toEqual([]);
  });

  it('grows past its initial capacity', async () => {
    const index = await HnswVectorIndex.open(dir.path, { ...options, initialCapacity: 8 });
    for (let d = 0; d < 10; d++) await index.upsertDocument('acme', `d${d}`, entries(`d${d}`, 10, d * 10));
    expect(index.size).toBe(100);
    expect((await index.search('acme', vector(55), 1))[0]?.chunkId).toBe('d5#5');
  });

  it('persists graph, labels and marker, and reopens with the same results', async () => {
    const index = await HnswVectorIndex.open(dir.path, options);
    await index.upsertDocument('acme', 'a', entries('a', 30, 1, { lang: 'en' }));
    await index.upsertDocument('acme', 'b', entries('b', 30, 100, { lang: 'fr' }));
    await index.deleteDocument('acme', 'a');
    await index.upsertDocument('globex', 'c', entries('c', 5, 200));
    await index.persist('epoch:7');
    const before = await index.search('acme', vector(105), 5, { equals: { lang: 'fr' } });

    const reopened = await HnswVectorIndex.open(dir.path, options);
    expect(reopened.marker).toBe('epoch:7');
    expect(reopened.size).toBe(35);
    expect(await reopened.search('acme', vector(105), 5, { equals: { lang: 'fr' } })).toEqual(before);
    expect((await reopened.search('acme', vector(1), 100)).every((hit) => hit.documentId === 'b')).toBe(true);
    // New labels after reopening never collide with persisted ones.
    await reopened.upsertDocument('acme', 'd', entries('d', 2, 300));
    expect((await reopened.search('acme', vector(105), 1))[0]?.chunkId).toBe('b#5');
  });

  it('opens empty without a marker when nothing was persisted', async () => {
    const index = await HnswVectorIndex.open(dir.path, options);
    expect(index.marker).toBeUndefined();
    expect(await index.search('acme', vector(1), 5)).toEqual([]);
  });

  it('keeps each tenant in its own graph: same labels, same ids, no crossing', async () => {
    const index = await HnswVectorIndex.open(dir.path, options);
    // The same vectors under the same ids in two tenants, plus one tenant's extra near neighbours.
    await index.upsertDocument('acme', 'd', entries('d', 20, 1, { team: 'x' }));
    await index.upsertDocument('globex', 'd', entries('d', 20, 1, { team: 'x' }));
    await index.upsertDocument('globex', 'near', entries('near', 20, 1, { team: 'y' }));
    const acme = await index.search('acme', vector(5), 40);
    expect(acme).toHaveLength(20);
    expect(acme.every((hit) => hit.documentId === 'd')).toBe(true);
    expect(await index.search('acme', vector(5), 5, { equals: { team: 'y' } })).toEqual([]);
    expect(await index.search('globex', vector(5), 40)).toHaveLength(40);
    // Deleting one tenant's document leaves the other's, with the same id, alone.
    expect(await index.deleteDocument('globex', 'd')).toBe(20);
    expect(await index.search('acme', vector(5), 40)).toHaveLength(20);
    expect((await index.search('globex', vector(5), 40)).every((hit) => hit.documentId === 'near')).toBe(
      true,
    );
    expect(index.size).toBe(40);
  });

  it('returns k hits for filters on either side of the exact-scan limit, the exact k nearest', async () => {
    const index = await HnswVectorIndex.open(dir.path, options);
    // 1,200 one-chunk documents; `kind` lets through 1 in 4 (above the limit) or 1 in 100 (below).
    const all: IndexEntry[] = [];
    for (let d = 0; d < 1200; d++) {
      const kind = d % 100 === 3 ? 'rare' : d % 4 === 0 ? 'quarter' : 'common';
      const [entry] = entries(`doc${d}`, 1, d * 7, { kind });
      all.push(entry!);
      await index.upsertDocument('acme', `doc${d}`, [entry!]);
    }
    const query = vector(99_999);
    const nearest = (kind: string, k: number) =>
      all
        .filter((entry) => entry.metadata.kind === kind)
        .map((entry) => ({ chunkId: entry.chunkId, score: cosine(query, entry.vector) }))
        .sort((a, b) => b.score - a.score)
        .slice(0, k)
        .map((hit) => hit.chunkId);
    const limit = exactScanLimit(1200, Math.max(options.efSearch, 10));
    expect(300).toBeGreaterThan(limit);
    expect(12).toBeLessThanOrEqual(limit);
    const quarter = await index.search('acme', query, 10, { equals: { kind: 'quarter' } });
    expect(quarter).toHaveLength(10);
    expect(quarter.every((hit) => Number(hit.documentId.slice(3)) % 4 === 0)).toBe(true);
    // The graph search is approximate: most of the true 10 nearest, at this size all of them.
    expect(quarter.map((hit) => hit.chunkId)).toEqual(nearest('quarter', 10));
    const rare = await index.search('acme', query, 10, { equals: { kind: 'rare' } });
    expect(rare.map((hit) => hit.chunkId)).toEqual(nearest('rare', 10));
    rare.forEach((hit) =>
      expect(hit.score).toBeCloseTo(cosine(query, vector(Number(hit.documentId.slice(3)) * 7)), 5),
    );
    expect(await index.search('acme', query, 50, { equals: { kind: 'rare' } })).toHaveLength(12);
    // Named documents are looked up, not scanned for, and still pass the rest of the filter.
    const named = await index.search('acme', query, 10, {
      documentIds: ['doc3', 'doc4', 'doc5', 'doc3', 'nope'],
      equals: { kind: 'rare' },
    });
    expect(named.map((hit) => hit.documentId)).toEqual(['doc3']);
  });

  it('persists every tenant and rewrites only the graphs that changed', async () => {
    const index = await HnswVectorIndex.open(dir.path, options);
    await index.upsertDocument('acme', 'a', entries('a', 30, 1, { lang: 'en' }));
    await index.upsertDocument('globex', 'g', entries('g', 30, 1, { lang: 'fr' }));
    await index.upsertDocument('initech', 'i', entries('i', 5, 500));
    await index.persist('1:1');
    const graphs = async () => (await readdir(dir.path)).filter((name) => name.startsWith('graph-')).sort();
    const first = await graphs();
    expect(first).toHaveLength(3);

    await index.upsertDocument('acme', 'b', entries('b', 4, 900));
    await index.deleteDocument('initech', 'i');
    await index.persist('1:2');
    const second = await graphs();
    // globex kept its file, acme got a new one, initech (now empty) has none.
    expect(second).toHaveLength(2);
    expect(second.filter((name) => first.includes(name))).toHaveLength(1);

    const reopened = await HnswVectorIndex.open(dir.path, options);
    expect(reopened.marker).toBe('1:2');
    expect(reopened.size).toBe(64);
    for (const tenant of ['acme', 'globex', 'initech'])
      expect(await reopened.search(tenant, vector(3), 10)).toEqual(await index.search(tenant, vector(3), 10));
    expect((await reopened.search('globex', vector(3), 40)).every((hit) => hit.documentId === 'g')).toBe(
      true,
    );
    expect(await reopened.search('acme', vector(3), 5, { lang: 'fr' })).toEqual([]);
  });

  it('reuses the slots of deleted chunks instead of growing', async () => {
    const index = await HnswVectorIndex.open(dir.path, { ...options, initialCapacity: 16 });
    for (let round = 0; round < 20; round++)
      await index.upsertDocument('acme', 'd', entries('d', 16, round * 100));
    await index.upsertDocument('acme', 'other', entries('other', 1, 7_000));
    await index.persist('1:1');
    // 16 live slots reused 19 times plus one more point: the graph doubled once, not 20 times.
    const [graph] = (await readdir(dir.path)).filter((name) => name.startsWith('graph-'));
    const reopened = await HnswVectorIndex.open(dir.path, options);
    expect(reopened.size).toBe(17);
    expect((await reopened.search('acme', vector(1_900), 1))[0]?.chunkId).toBe('d#0');
    // hnswlib's file header holds max_elements (8 bytes at offset 8) and cur_element_count (offset 16).
    const header = await readFile(join(dir.path, graph!));
    expect(Number(header.readBigUInt64LE(8))).toBe(32);
    expect(Number(header.readBigUInt64LE(16))).toBe(17);
  });

  it('opens an index persisted in the single-graph layout empty and without a marker, to be rebuilt', async () => {
    await writeFile(join(dir.path, 'graph-old.bin'), 'not read');
    await writeFile(
      join(dir.path, 'meta.json'),
      JSON.stringify({
        marker: '1:9',
        dimensions: 16,
        nextLabel: 3,
        graphFile: 'graph-old.bin',
        tenants: { acme: [] },
      }),
    );
    const index = await HnswVectorIndex.open(dir.path, options);
    expect(index.marker).toBeUndefined();
    expect(index.size).toBe(0);
    await index.upsertDocument('acme', 'd', entries('d', 3, 1));
    await index.persist('1:10');
    expect((await readdir(dir.path)).filter((name) => name.startsWith('graph-'))).not.toContain(
      'graph-old.bin',
    );
    expect((await HnswVectorIndex.open(dir.path, options)).marker).toBe('1:10');
  });
});

function cosine(a: number[], b: number[]): number {
  const dot = a.reduce((sum, value, i) => sum + value * (b[i] ?? 0), 0);
  const norm = (v: number[]) => Math.sqrt(v.reduce((sum, value) => sum + value * value, 0));
  return dot / (norm(a) * norm(b));
}
