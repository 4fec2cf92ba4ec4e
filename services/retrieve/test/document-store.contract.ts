import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { DocumentStore } from '../src/domain/index/document-store.ts';
import { newJob, transition } from '../src/domain/ingest/job-state.ts';
import type { ChunkRecord, DocumentInput, DocumentRecord } from '../src/domain/index/records.ts';

export interface StoreUnderTest {
  store: DocumentStore;
  /** A second store over the same data, as after a restart. */
  reopen(): Promise<DocumentStore>;
  cleanup(): Promise<void>;
}

const now = new Date('2025-03-01T12:00:00Z');

function record(id: string, chunkCount: number, metadata: Record<string, string> = {}): DocumentRecord {
  return {
    id,
    title: `Title of ${id}`,
    metadata,
    length: chunkCount * 10,
    chunkCount,
    updatedAt: now.toISOString(),
  };
}

function chunks(documentId: string, count: number, seed = 1): ChunkRecord[] {
  return Array.from({ length: count }, (_, n) => ({
    id: `${documentId}#${n}`,
    documentId,
    n,
    text: `chunk ${n} of ${documentId}`,
    start: n * 10,
    end: n * 10 + 9,
    vector: [seed + n, 0.5, -0.25, n / 3],
  }));
}

const input = (id: string): DocumentInput => ({ id, text: `text of ${id}`, title: '', metadata: { k: 'v' } });

/** What every DocumentStore adapter must do; run against each one. */
export function documentStoreContract(name: string, create: () => Promise<StoreUnderTest>): void {
  describe(`DocumentStore contract: ${name}`, () => {
    let subject: StoreUnderTest;
    let store: DocumentStore;

    beforeEach(async () => {
      subject = await create();
      store = subject.store;
    });
    afterEach(() => subject.cleanup());

    it('stores a document with its chunks and vectors', async () => {
      await store.upsertDocument('acme', record('d1', 2, { lang: 'en' }), chunks('d1', 2));
      expect(await store.getDocument('acme', 'd1')).toEqual(record('d1', 2, { lang: 'en' }));
      const found = (await store.getChunks('acme', ['d1#1', 'd1#0', 'd1#9'])).sort((a, b) => a.n - b.n);
      expect(found.map(({ vector: _vector, ...rest }) => rest)).toEqual(
        chunks('d1', 2).map(({ vector: _v, ...rest }) => rest),
      );
      found[1]?.vector.forEach((value, i) =>
        expect(value).toBeCloseTo(chunks('d1', 2)[1]?.vector[i] ?? NaN, 5),
      );
    });

    it('replaces every previous chunk of a document on upsert', async () => {
      await store.upsertDocument('acme', record('d1', 5), chunks('d1', 5));
      await store.upsertDocument('acme', record('d1', 2), chunks('d1', 2, 100));
      expect((await store.getDocument('acme', 'd1'))?.chunkCount).toBe(2);
      const all = await store.getChunks('acme', ['d1#0', 'd1#1', 'd1#2', 'd1#3', 'd1#4']);
      expect(all.map((chunk) => chunk.id).sort()).toEqual(['d1#0', 'd1#1']);
      expect(all.find((chunk) => chunk.id === 'd1#0')?.vector[0]).toBeCloseTo(100);
      const scanned = [];
      for await (const entry of store.scanIndexable()) scanned.push(entry);
      expect(scanned).toHaveLength(1);
      expect(scanned[0]?.chunks).toHaveLength(2);
    });

    it('deletes a document with its chunks and reports how many went', async () => {
      await store.upsertDocument('acme', record('d1', 3), chunks('d1', 3));
      expect(await store.deleteDocument('acme', 'd1')).toBe(3);
      expect(await store.getDocument('acme', 'd1')).toBeUndefined();
      expect(await store.getChunks('acme', ['d1#0'])).toEqual([]);
      expect(await store.deleteDocument('acme', 'd1')).toBe(0);
    });

    it('keeps tenants apart', async () => {
      await store.upsertDocument('acme', record('same', 2), chunks('same', 2));
      await store.upsertDocument('globex', record('same', 1, { owner: 'globex' }), chunks('same', 1, 50));
      expect(await store.getDocument('initech', 'same')).toBeUndefined();
      expect(await store.getChunks('initech', ['same#0'])).toEqual([]);
      expect(await store.deleteDocument('initech', 'same')).toBe(0);
      expect(await store.deleteDocument('globex', 'same')).toBe(1);
      expect((await store.getDocument('acme', 'same'))?.chunkCount).toBe(2);
      const job = newJob('job-1', 'acme', ['x'], now);
      await store.createJob(job, [input('x')]);
      expect(await store.getJob('globex', 'job-1')).toBeUndefined();
      expect(await store.getJobDocuments('globex', 'job-1')).toBeUndefined();
    });

    it('lists every document with its chunk vectors for an index rebuild', async () => {
      await store.upsertDocument('acme', record('a', 2, { lang: 'en' }), chunks('a', 2));
      await store.upsertDocument('globex', record('b', 1), chunks('b', 1));
      const scanned = [];
      for await (const entry of store.scanIndexable()) scanned.push(entry);
      const summary = scanned
        .map((entry) => ({
          tenant: entry.tenant,
          id: entry.document.id,
          metadata: entry.document.metadata,
          chunks: entry.chunks.map((chunk) => chunk.id).sort(),
          dims: entry.chunks[0]?.vector.length,
        }))
        .sort((x, y) => x.id.localeCompare(y.id));
      expect(summary).toEqual([
        { tenant: 'acme', id: 'a', metadata: { lang: 'en' }, chunks: ['a#0', 'a#1'], dims: 4 },
        { tenant: 'globex', id: 'b', metadata: {}, chunks: ['b#0'], dims: 4 },
      ]);
    });

    it('changes the corpus marker on document writes and deletes, not on job writes', async () => {
      const initial = await store.corpusMarker();
      await store.upsertDocument('acme', record('d1', 1), chunks('d1', 1));
      const afterWrite = await store.corpusMarker();
      expect(afterWrite).not.toBe(initial);
      await store.createJob(newJob('j', 'acme', ['d1'], now), [input('d1')]);
      expect(await store.corpusMarker()).toBe(afterWrite);
      await store.deleteDocument('acme', 'd1');
      expect(await store.corpusMarker()).not.toBe(afterWrite);
    });

    it('keeps a job with its documents until the job ends', async () => {
      const job = newJob('job-1', 'acme', ['a', 'b'], now);
      await store.createJob(job, [input('a'), input('b')]);
      expect(await store.getJob('acme', 'job-1')).toEqual(job);
      expect((await store.getJobDocuments('acme', 'job-1'))?.map((d) => d.id)).toEqual(['a', 'b']);

      const running = {
        ...transition(job, 'running', now, { attempts: 1 }),
        documentsDone: 1,
        chunksIndexed: 4,
      };
      await store.saveJob(running);
      expect(await store.getJob('acme', 'job-1')).toEqual(running);
      expect(await store.getJobDocuments('acme', 'job-1')).toHaveLength(2);

      const done = transition(running, 'succeeded', now, { documentsDone: 2, chunksIndexed: 7 });
      await store.saveJob(done);
      expect(await store.getJob('acme', 'job-1')).toEqual(done);
      expect(await store.getJobDocuments('acme', 'job-1')).toBeUndefined();
    });

    it('lists the jobs not ended and not updated since a time, least recently updated first', async () => {
      const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
      const old = newJob('old', 'acme', ['a'], at(0));
      const older = transition(newJob('older', 'globex', ['b'], at(-5)), 'running', at(-4), { attempts: 1 });
      const fresh = newJob('fresh', 'acme', ['c'], at(10));
      const ended = transition(
        transition(newJob('ended', 'acme', ['d'], at(-9)), 'running', at(-9)),
        'succeeded',
        at(-8),
      );
      for (const job of [old, older, fresh, ended]) await store.createJob(job, [input('x')]);
      await store.saveJob(older);
      await store.saveJob(ended);

      expect((await store.listStaleJobs(at(1), 10)).map((job) => job.id)).toEqual(['older', 'old']);
      expect(await store.listStaleJobs(at(1), 1)).toEqual([older]);
      expect(await store.listStaleJobs(at(-30), 10)).toEqual([]);
      expect((await store.listStaleJobs(at(60), 10)).map((job) => job.id)).toEqual(['older', 'old', 'fresh']);
    });

    it('saves a job only if it is unchanged since it was read, once of two racing writers', async () => {
      const job = newJob('job-1', 'acme', ['a'], now);
      await store.createJob(job, [input('a')]);
      const later = new Date(now.getTime() + 1_000);
      const first = { ...job, updatedAt: later.toISOString() };
      const second = transition(job, 'failed', later, { error: 'other writer' });

      const results = await Promise.all([
        store.saveJobIfUnchanged(job, first),
        store.saveJobIfUnchanged(job, second),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      const stored = await store.getJob('acme', 'job-1');
      expect(stored).toEqual(results[0] ? first : second);
      expect(await store.saveJobIfUnchanged(job, second)).toBe(false);
      expect(await store.saveJobIfUnchanged({ ...job, tenant: 'globex' }, second)).toBe(false);
      if (results[0]) expect(await store.getJobDocuments('acme', 'job-1')).toHaveLength(1);
    });

    it('keeps everything across a restart', async () => {
      await store.upsertDocument('acme', record('d1', 5), chunks('d1', 5));
      await store.upsertDocument('acme', record('d1', 2), chunks('d1', 2));
      await store.upsertDocument('acme', record('gone', 1), chunks('gone', 1));
      await store.deleteDocument('acme', 'gone');
      const job = newJob('job-1', 'acme', ['d1'], now);
      await store.createJob(job, [input('d1')]);
      const marker = await store.corpusMarker();

      const reopened = await subject.reopen();
      expect(await reopened.getDocument('acme', 'd1')).toEqual(record('d1', 2));
      expect(await reopened.getChunks('acme', ['d1#0', 'd1#1', 'd1#2'])).toHaveLength(2);
      expect(await reopened.getDocument('acme', 'gone')).toBeUndefined();
      expect(await reopened.getJob('acme', 'job-1')).toEqual(job);
      expect(await reopened.getJobDocuments('acme', 'job-1')).toEqual([input('d1')]);
      expect(await reopened.corpusMarker()).toBe(marker);
    });
  });
}
