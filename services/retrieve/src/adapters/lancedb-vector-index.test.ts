import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { makeTempDir } from '../../test/support/temp-dir.ts';
import type { IndexEntry } from '../domain/index/vector-index.ts';
import { LanceDbVectorIndex } from './lancedb-vector-index.ts';

let dir: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  dir = await makeTempDir();
});
afterEach(() => dir.remove());

/** A seeded pseudo-random vector. */
function vector(seed: number, dimensions = 16): number[] {
  let state = seed * 2654435761 + 1;
  return Array.from({ length: dimensions }, () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31 - 0.5;
  });
}

function entry(documentId: string, seed: number, metadata: Record<string, string> = {}): IndexEntry[] {
  return [{ chunkId: `${documentId}#0`, documentId, vector: vector(seed), metadata }];
}

describe('LanceDbVectorIndex', () => {
  it('builds IVF-PQ at the threshold and still returns k hits for a selective filter', async () => {
    const index = await LanceDbVectorIndex.open(dir.path, 'vectors', {
      ivfPqMinRows: 600,
      numPartitions: 24,
      // 2 dimensions per code: the default (16 per code here) leaves 256 codes for 600 vectors,
      // too coarse for the 10 refined candidates to hold the exact match reliably.
      numSubVectors: 8,
      nprobes: 1,
      optimizeEveryWrites: 30,
    });
    const chunks = (documentId: string, seed: number, kind: string): IndexEntry[] =>
      Array.from({ length: 6 }, (_, n) => ({
        chunkId: `${documentId}#${n}`,
        documentId,
        vector: vector(seed * 10 + n),
        metadata: { kind },
      }));
    // 90 documents of hay, 10 of needles: 60 of 600 chunks match the filter.
    for (let d = 0; d < 100; d++)
      await index.upsertDocument('acme', `d${d}`, chunks(`d${d}`, d, d % 10 === 3 ? 'needle' : 'hay'));
    await index.persist('1:100');
    const reopened = await LanceDbVectorIndex.open(dir.path, 'vectors');
    expect(reopened.size).toBe(600);
    // The one partition of 24 probed holds few of the 60 matches: the exact scan fills in.
    const hits = await index.search('acme', vector(12_345), 40, { equals: { kind: 'needle' } });
    expect(hits).toHaveLength(40);
    expect(hits.every((hit) => Number(hit.documentId.slice(1)) % 10 === 3)).toBe(true);
    // With the default probes and refinement, the exact vector comes back first.
    const nearest = await reopened.search('acme', vector(423), 1);
    expect(nearest[0]?.chunkId).toBe('d42#3');
    expect(nearest[0]?.score).toBeCloseTo(1, 4);
  });

  it('shares one dataset: each instance reads what the others wrote, and their marker', async () => {
    const a = await LanceDbVectorIndex.open(dir.path, 'vectors', { readConsistencySeconds: 0 });
    await a.upsertDocument('acme', 'd1', entry('d1', 1));
    const b = await LanceDbVectorIndex.open(dir.path, 'vectors', { readConsistencySeconds: 0 });
    await Promise.all([
      a.upsertDocument('acme', 'd2', entry('d2', 2)),
      b.upsertDocument('acme', 'd3', entry('d3', 3)),
    ]);
    await a.persist('1:3');
    const seen = async (index: LanceDbVectorIndex) =>
      (await index.search('acme', vector(2), 10)).map((hit) => hit.chunkId).sort();
    expect(await seen(a)).toEqual(['d1#0', 'd2#0', 'd3#0']);
    expect(await seen(b)).toEqual(['d1#0', 'd2#0', 'd3#0']);
    expect((await LanceDbVectorIndex.open(dir.path, 'vectors')).marker).toBe('1:3');
    expect(await b.deleteDocument('acme', 'd1')).toBe(1);
    expect(await seen(a)).toEqual(['d2#0', 'd3#0']);
  });
});
