import { describe, expect, it } from '@jest/globals';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeTempDir } from '../../test/support/temp-dir.ts';
import { DEFAULT_BM25 } from '../domain/index/bm25-index.ts';
import { FileKeywordIndex } from './file-keyword-index.ts';

const entry = (n: number) => ({
  chunkId: `d${n}#0`,
  documentId: `d${n}`,
  title: `Doc ${n}`,
  text: `wing ${n} lift drag`,
  metadata: {},
});

describe('FileKeywordIndex on disk', () => {
  it('ignores and removes the single-JSON file of earlier releases, so the index is rebuilt', async () => {
    const dir = await makeTempDir();
    try {
      await writeFile(
        join(dir.path, 'bm25.json'),
        JSON.stringify({ marker: 'm-old', index: { tenants: {} } }),
      );
      const index = await FileKeywordIndex.open(dir.path, DEFAULT_BM25);
      expect(index.marker).toBeUndefined();
      await index.upsertDocument('t', 'd1', [entry(1)]);
      await index.persist('m-new');
      expect(await readdir(dir.path)).toEqual(['bm25.jsonl']);
      const reopened = await FileKeywordIndex.open(dir.path, DEFAULT_BM25);
      expect(reopened.marker).toBe('m-new');
      expect((await reopened.search('t', 'lift', 5)).map((hit) => hit.chunkId)).toEqual(['d1#0']);
    } finally {
      await dir.remove();
    }
  });

  it('reads as stale when written with another analyzer, without loading the rest', async () => {
    const dir = await makeTempDir();
    try {
      const index = await FileKeywordIndex.open(dir.path, DEFAULT_BM25);
      for (let n = 0; n < 50; n++) await index.upsertDocument('t', `d${n}`, [entry(n)]);
      await index.persist('m1');
      const other = await FileKeywordIndex.open(dir.path, {
        ...DEFAULT_BM25,
        titleWeight: DEFAULT_BM25.titleWeight + 1,
      });
      expect(other.marker).toBeUndefined();
      expect(other.size).toBe(0);
    } finally {
      await dir.remove();
    }
  });
});
