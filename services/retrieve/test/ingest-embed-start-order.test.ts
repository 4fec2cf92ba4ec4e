import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { runWithRequestContext } from '@ragfleet/telemetry';
import { freePort, waitFor } from '@ragfleet/testing';
import { startFakeEmbedServer, type FakeEmbedServer } from './support/fake-embed-server.ts';
import { startRunningRetrieve, type RunningRetrieve } from './support/running-retrieve.ts';
import { makeTempDir } from './support/temp-dir.ts';

// Retrieve started before embed (as a fleet start may order them): its real ingest worker calls
// embed through its real gRPC client at an address where nothing listens yet.
const as = <T>(fn: () => Promise<T>) =>
  runWithRequestContext({ requestId: 'start-order', tenant: 'acme' }, fn);

let dataDir: { path: string; remove: () => Promise<void> };
let embedPort: number;
let retrieve: RunningRetrieve;
let embed: FakeEmbedServer | undefined;

beforeAll(async () => {
  dataDir = await makeTempDir();
  embedPort = await freePort();
  retrieve = await startRunningRetrieve(
    {
      DATA_DIR: dataDir.path,
      EMBED_ADDR: `127.0.0.1:${embedPort}`,
      // One attempt: a refused embed call charged as an attempt would fail the job at once.
      INGEST_MAX_ATTEMPTS: '1',
    },
    {},
  );
}, 30_000);

afterAll(async () => {
  await retrieve?.stop();
  await embed?.close();
  await dataDir?.remove();
});

describe('ingest while embed is not up yet', () => {
  it('holds the job as queued "waiting for embed" without using its attempt, and runs it once embed is up', async () => {
    const { job } = await as(() =>
      retrieve.client.ingestDocuments({
        documents: [{ id: 'early', title: 'Early', text: 'Sent before embed was up.', metadata: {} }],
      }),
    );
    const id = job?.id ?? '';
    // The client waits up to 5 s for a connection before it reports embed unreachable.
    const waiting = await waitFor(async () => {
      const seen = (await as(() => retrieve.client.getJob(id))).job;
      return seen?.error ? seen : undefined;
    }, 15_000);
    expect(waiting).toMatchObject({
      state: 'JOB_STATE_QUEUED',
      error: 'waiting for embed: it was unreachable',
    });

    embed = await startFakeEmbedServer(embedPort);
    const done = await waitFor(async () => {
      const seen = (await as(() => retrieve.client.getJob(id))).job;
      return seen?.state === 'JOB_STATE_SUCCEEDED' || seen?.state === 'JOB_STATE_FAILED' ? seen : undefined;
    }, 30_000);
    expect(done).toMatchObject({ state: 'JOB_STATE_SUCCEEDED', chunksIndexed: 1, error: '' });
    expect(embed.calls).toBeGreaterThan(0);
  }, 60_000);
});
