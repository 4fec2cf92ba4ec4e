import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { appendFile, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { makeTempDir } from '../../test/support/temp-dir.ts';
import type { ChunkRecord, DocumentRecord } from '../domain/index/records.ts';
import { FileDocumentStore } from './file-document-store.ts';

let dir: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  dir = await makeTempDir();
});
afterEach(() => dir.remove());

const record = (id: string): DocumentRecord => ({
  id,
  title: id,
  metadata: {},
  length: 10,
  chunkCount: 1,
  updatedAt: '2025-01-01T00:00:00.000Z',
});
const chunk = (documentId: string, seed: number): ChunkRecord => ({
  id: `${documentId}#0`,
  documentId,
  n: 0,
  text: `text ${seed}`,
  start: 0,
  end: 6,
  vector: [seed, 1, 2],
});

describe('FileDocumentStore', () => {
  it('drops a torn last line left by a crash mid-write and keeps appending after it', async () => {
    const store = new FileDocumentStore(dir.path);
    await store.open();
    await store.upsertDocument('acme', record('a'), [chunk('a', 1)]);
    await store.close();
    await appendFile(join(dir.path, 'store.jsonl'), '{"op":"doc","version":9,"tenant":"acme","docu');

    const reopened = new FileDocumentStore(dir.path);
    await reopened.open();
    expect(await reopened.getDocument('acme', 'a')).toEqual(record('a'));
    await reopened.upsertDocument('acme', record('b'), [chunk('b', 2)]);
    await reopened.close();

    const third = new FileDocumentStore(dir.path);
    await third.open();
    expect(await third.getDocument('acme', 'b')).toEqual(record('b'));
    await third.close();
  });

  it('refuses a log damaged before its last line', async () => {
    const store = new FileDocumentStore(dir.path);
    await store.open();
    await store.close();
    await appendFile(join(dir.path, 'store.jsonl'), 'garbage\n{"op":"meta","epoch":"e","version":1}\n');
    await expect(new FileDocumentStore(dir.path).open()).rejects.toThrow(/corrupt operation on line 2/);
  });

  it('compacts a log that grew with rewrites into one record per live item, keeping the state', async () => {
    const store = new FileDocumentStore(dir.path, { compactAfter: 20 });
    await store.open();
    for (let i = 0; i < 50; i++) await store.upsertDocument('acme', record('same'), [chunk('same', i)]);
    const marker = await store.corpusMarker();
    await store.close();
    const lines = (await readFile(join(dir.path, 'store.jsonl'), 'utf8')).trim().split('\n');
    expect(lines.length).toBeLessThan(25);

    const reopened = new FileDocumentStore(dir.path);
    await reopened.open();
    expect(await reopened.corpusMarker()).toBe(marker);
    expect((await reopened.getChunks('acme', ['same#0']))[0]?.vector).toEqual([49, 1, 2]);
    await reopened.close();
    expect((await stat(join(dir.path, 'store.jsonl'))).size).toBeGreaterThan(0);
  });
});
