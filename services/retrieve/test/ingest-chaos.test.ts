import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { isRagfleetError } from '@ragfleet/errors';
import { RetrieveClient } from '@ragfleet/grpc';
import type { RetrieveV1 } from '@ragfleet/protos';
import { runWithRequestContext } from '@ragfleet/telemetry';
import { startNatsServer, uniqueSuffix, waitFor, type NatsServer } from '@ragfleet/testing';
import { FileDocumentStore } from '../src/adapters/file-document-store.ts';
import { HnswVectorIndex } from '../src/adapters/hnsw-vector-index.ts';
import { chunkDocument } from '../src/domain/chunking/chunking.ts';
import { retrieveProcess, type RetrieveProcess } from './support/retrieve-process.ts';
import { makeTempDir } from './support/temp-dir.ts';

// Finding 6 of issue 7: with NATS killed and then retrieve killed while 600 jobs went through,
// some jobs never left `queued`. This runs that sequence against a NATS server and a retrieve
// process of its own: NATS dies a quarter into the submissions, retrieve dies while NATS is still
// down (publishes in flight), both come back, retrieve dies again mid-backlog. Every accepted job
// must succeed with exactly its chunks, and no job retrieve ever stored may be left unfinished.
const JOBS = 600;
const TENANT = 'chaos';
const CHUNKING = {
  strategy: 'characters',
  size: 200,
  overlap: 30,
  sentences: 5,
  sentenceOverlap: 1,
} as const;
const SUBMITTERS = 8;
const NATS_OUTAGE_MS = 3_000;
/** Into the NATS outage, retrieve is killed too. */
const RETRIEVE_KILL_IN_OUTAGE_MS = 1_000;
/** Every phase below is bounded; together they stay well under the test timeout. */
const DEADLINE_MS = 100_000;

const WORDS = ['glacier', 'engine', 'harbor', 'violin', 'comet', 'orchard', 'lantern', 'meadow', 'quartz'];
const text = (i: number) =>
  Array.from(
    { length: 3 + (i % 4) },
    (_, s) => `Report ${i} part ${s} on the ${WORDS[(i + s) % WORDS.length]} and what it shows in practice.`,
  ).join(' ');
const documentOf = (i: number): RetrieveV1.Document => ({
  id: `doc-${i}`,
  title: `Document ${i}`,
  text: text(i),
  metadata: { n: String(i) },
});
const as = <T>(fn: () => Promise<T>) => runWithRequestContext({ requestId: 'chaos', tenant: TENANT }, fn);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let nats: NatsServer;
let retrieve: RetrieveProcess;
let dataDir: { path: string; remove: () => Promise<void> };
let client: RetrieveClient;

beforeAll(async () => {
  nats = await startNatsServer();
  dataDir = await makeTempDir();
  retrieve = await retrieveProcess({
    DATA_DIR: dataDir.path,
    NATS_URL: nats.url,
    NATS_NAMESPACE: uniqueSuffix(),
    REPLICA_ID: 'chaos',
    CHUNK_SIZE: String(CHUNKING.size),
    CHUNK_OVERLAP: String(CHUNKING.overlap),
    INGEST_ACK_WAIT_MS: '3000',
    INGEST_SWEEP_MS: '500',
    INGEST_STALE_MS: '6000',
  });
  await retrieve.start();
  client = new RetrieveClient(retrieve.address);
}, 60_000);

afterAll(async () => {
  client?.close();
  await retrieve?.kill();
  await nats?.stop();
  await dataDir?.remove();
});

/** Submits one document as one job, retrying (as a client would) while retrieve refuses with a retryable error. */
async function submit(i: number, started: number): Promise<string> {
  for (;;) {
    try {
      const { job } = await as(() =>
        client.ingestDocuments({ documents: [documentOf(i)] }, { deadlineMs: 10_000 }),
      );
      if (!job?.id) throw new Error('no job id in the answer');
      return job.id;
    } catch (error) {
      if (!isRagfleetError(error) || !error.retryable || Date.now() - started > DEADLINE_MS / 2) throw error;
      await pause(200);
    }
  }
}

function succeededLines(): number {
  return retrieve
    .output()
    .split('\n')
    .filter((line) => line.includes('ingest job succeeded')).length;
}

describe('ingest under NATS and retrieve crashes', () => {
  it(
    'takes every one of 600 jobs to succeeded with exactly its chunks, through a NATS kill and a retrieve kill',
    async () => {
      const started = Date.now();
      const jobs = new Map<number, string>();
      let next = 0;
      let natsKilled: Promise<void> | undefined;
      const submitter = async () => {
        while (next < JOBS) {
          const i = next++;
          jobs.set(i, await submit(i, started));
          // A quarter in, NATS dies without a clean shutdown; retrieve dies during the outage;
          // NATS comes back, then retrieve (which refuses to start without NATS).
          if (jobs.size === JOBS / 4 && !natsKilled) {
            natsKilled = nats.kill('SIGKILL').then(async () => {
              await pause(RETRIEVE_KILL_IN_OUTAGE_MS);
              await retrieve.kill('SIGKILL');
              await pause(NATS_OUTAGE_MS - RETRIEVE_KILL_IN_OUTAGE_MS);
              await nats.start();
              await retrieve.start();
            });
          }
        }
      };
      await Promise.all(Array.from({ length: SUBMITTERS }, submitter));
      await natsKilled;
      expect(jobs.size).toBe(JOBS);

      // Retrieve dies mid-backlog (jobs running, acks in flight) and starts again on the same data.
      await waitFor(() => succeededLines() >= JOBS / 2, DEADLINE_MS / 4, 100).catch(() => undefined);
      await retrieve.kill('SIGKILL');
      await retrieve.start();

      const states = new Map<number, RetrieveV1.Job__Output | undefined>();
      const pending = new Set(jobs.keys());
      const finished = await waitFor(
        async () => {
          for (const i of [...pending]) {
            const { job } = await as(() => client.getJob(jobs.get(i) ?? ''));
            states.set(i, job ?? undefined);
            if (job?.state === 'JOB_STATE_SUCCEEDED') pending.delete(i);
          }
          return pending.size === 0;
        },
        Math.max(10_000, DEADLINE_MS - (Date.now() - started)),
        500,
      ).catch(() => false);
      if (!finished) {
        const byState = new Map<string, number>();
        for (const i of pending) {
          const state = states.get(i)?.state ?? 'missing';
          byState.set(state, (byState.get(state) ?? 0) + 1);
        }
        const problems = retrieve
          .output()
          .split('\n')
          .filter((line) => /"level":(40|50)/.test(line))
          .slice(-30)
          .join('\n');
        throw new Error(
          `${pending.size} of ${JOBS} jobs did not succeed: ${JSON.stringify(Object.fromEntries(byState))}\n${problems}`,
        );
      }

      // A clean stop persists the index; then read what retrieve stored, from its own files.
      await retrieve.kill('SIGTERM');
      const store = new FileDocumentStore(join(dataDir.path, 'retrieve'));
      await store.open();
      try {
        let totalChunks = 0;
        for (let i = 0; i < JOBS; i++) {
          const expected = chunkDocument(text(i), CHUNKING);
          totalChunks += expected.length;
          const id = `doc-${i}`;
          expect(await store.getDocument(TENANT, id)).toMatchObject({ id, chunkCount: expected.length });
          const ids = Array.from({ length: expected.length + 3 }, (_, n) => `${id}#${n}`);
          const chunks = (await store.getChunks(TENANT, ids)).sort((a, b) => a.n - b.n);
          expect(chunks.map((chunk) => chunk.text)).toEqual(expected.map((piece) => piece.text));
        }
        const index = await HnswVectorIndex.open(join(dataDir.path, 'retrieve', 'index'), {
          m: 16,
          efConstruction: 200,
          efSearch: 64,
        });
        expect(index.size).toBe(totalChunks);
        // Jobs the client never heard of (stored when retrieve died answering) must end too.
        expect(await store.listStaleJobs(new Date(8.64e15), 10_000)).toEqual([]);
      } finally {
        await store.close();
      }
    },
    DEADLINE_MS + 20_000,
  );
});
