import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { RetrieveClient } from '@ragfleet/grpc';
import type { RetrieveV1 } from '@ragfleet/protos';
import { runWithRequestContext } from '@ragfleet/telemetry';
import { waitFor } from '@ragfleet/testing';
import { retrieveProcess, type RetrieveProcess } from './support/retrieve-process.ts';
import { makeTempDir } from './support/temp-dir.ts';

// Index snapshots are batched (INDEX_SNAPSHOT_EVERY_JOBS / INDEX_SNAPSHOT_INTERVAL_MS), so jobs
// are acknowledged before the index file holds them. A SIGKILL then must lose nothing: the index
// journal names every write, and the restart replays it (it does not rebuild the whole index).
const TENANT = 'journal';
const as = <T>(fn: () => Promise<T>) => runWithRequestContext({ requestId: 'journal', tenant: TENANT }, fn);
const WORDS = ['glacier', 'harbor', 'violin', 'comet', 'orchard', 'lantern'];
const documentOf = (job: number, i: number): RetrieveV1.Document => ({
  id: `doc-${job}-${i}`,
  title: `Document ${job} ${i}`,
  text: `The ${WORDS[job]} report number ${i} tells of the ${WORDS[job]} ${'x'.repeat(i + 1)}.`,
  metadata: {},
});

let retrieve: RetrieveProcess;
let dataDir: { path: string; remove: () => Promise<void> };
let client: RetrieveClient;
const snapshotFile = () => join(dataDir.path, 'retrieve', 'index', 'meta.json');

beforeAll(async () => {
  dataDir = await makeTempDir();
  retrieve = await retrieveProcess({
    DATA_DIR: dataDir.path,
    // Nothing but a graceful stop takes a snapshot during this test.
    INDEX_SNAPSHOT_EVERY_JOBS: '1000',
    INDEX_SNAPSHOT_INTERVAL_MS: '3600000',
  });
  await retrieve.start();
  client = new RetrieveClient(retrieve.address);
}, 60_000);

afterAll(async () => {
  client?.close();
  await retrieve?.kill();
  await dataDir?.remove();
});

async function ingestAndWait(job: number): Promise<void> {
  const documents = Array.from({ length: 4 }, (_, i) => documentOf(job, i));
  const { job: accepted } = await as(() => client.ingestDocuments({ documents }));
  const id = accepted?.id ?? '';
  await waitFor(async () => {
    const seen = (await as(() => client.getJob(id, { deadlineMs: 2_000 }))).job;
    if (seen?.state === 'JOB_STATE_FAILED') throw new Error(`job ${id} failed: ${seen.error}`);
    return seen?.state === 'JOB_STATE_SUCCEEDED';
  }, 20_000);
}

/** The documents of one job that keyword and vector search each find for the job's word (top 20). */
async function foundIds(job: number): Promise<{ keyword: string[]; vector: string[] }> {
  const ofJob = (hits: Array<{ documentId?: string }> = []) =>
    [...new Set(hits.map((hit) => hit.documentId ?? '').filter((id) => id.startsWith(`doc-${job}-`)))].sort();
  const search = async (mode: string) =>
    ofJob((await as(() => client.search({ query: WORDS[job] ?? '', k: 20, mode }))).hits);
  return { keyword: await search('keyword'), vector: await search('vector') };
}

const all = (job: number, ids = [0, 1, 2, 3]) => {
  const expected = ids.map((i) => `doc-${job}-${i}`);
  return { keyword: expected, vector: expected };
};

describe('index persistence across a crash', () => {
  it('loses no acknowledged job to a SIGKILL before any snapshot: the journal is replayed', async () => {
    const snapshotBefore = (await stat(snapshotFile())).mtimeMs;
    for (let job = 0; job < 3; job++) await ingestAndWait(job);
    await as(() => client.deleteDocument('doc-0-3'));
    // Acknowledged, and not in the snapshot.
    expect((await stat(snapshotFile())).mtimeMs).toBe(snapshotBefore);

    await retrieve.kill('SIGKILL');
    const before = retrieve.output();
    await retrieve.start();
    const restart = retrieve.output().slice(before.length);
    expect(restart).toContain('indexes replayed from the journal');
    expect(restart).not.toContain('indexes rebuilt from the store');

    expect(await foundIds(0)).toEqual(all(0, [0, 1, 2]));
    for (const job of [1, 2]) expect(await foundIds(job)).toEqual(all(job));
  }, 90_000);

  it('snapshots at a graceful stop, so the next start only loads', async () => {
    await ingestAndWait(3);
    await retrieve.kill('SIGTERM');
    const before = retrieve.output();
    await retrieve.start();
    const restart = retrieve.output().slice(before.length);
    expect(restart).toContain('indexes loaded');
    expect(await foundIds(3)).toEqual(all(3));
  }, 90_000);
});
