import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RetrieveClient } from '@ragfleet/grpc';
import type { RetrieveV1 } from '@ragfleet/protos';
import { runWithRequestContext } from '@ragfleet/telemetry';
import { freePort, waitFor } from '@ragfleet/testing';
import { startFakeEmbedServer, type FakeEmbedServer } from './support/fake-embed-server.ts';
import { RETRIEVE_MAIN, retrieveProcess, type RetrieveProcess } from './support/retrieve-process.ts';
import { makeTempDir } from './support/temp-dir.ts';

// Ctrl-C on a fleet with the embedded queue (no NATS): retrieve gets SIGINT mid-job and embed
// goes away at the same moment. The job must come back after the restart and complete.
const as = <T>(fn: () => Promise<T>) => runWithRequestContext({ requestId: 'resume', tenant: 'acme' }, fn);
const DOCUMENTS = 12;
const documents: RetrieveV1.Document[] = Array.from({ length: DOCUMENTS }, (_, i) => ({
  id: `doc-${i}`,
  title: `Document ${i}`,
  text: `Document number ${i} says one short thing.`,
  metadata: {},
}));

let dataDir: { path: string; remove: () => Promise<void> };
let embedPort: number;
let embed: FakeEmbedServer | undefined;
let retrieve: RetrieveProcess;
let client: RetrieveClient;

beforeAll(async () => {
  dataDir = await makeTempDir();
  embedPort = await freePort();
  embed = await startFakeEmbedServer(embedPort, { delayMs: 250 });
  retrieve = await retrieveProcess(
    {
      DATA_DIR: dataDir.path,
      EMBED_ADDR: `127.0.0.1:${embedPort}`,
      // One document per embed call, 250 ms each: the job takes about 3 s, long enough to stop it mid-way.
      EMBED_BATCH_SIZE: '1',
      INGEST_CONCURRENCY: '1',
    },
    { main: RETRIEVE_MAIN },
  );
  await retrieve.start();
  client = new RetrieveClient(retrieve.address);
}, 60_000);

afterAll(async () => {
  client?.close();
  await retrieve?.kill();
  await embed?.close();
  await dataDir?.remove();
});

const jobOf = async (id: string) => (await as(() => client.getJob(id, { deadlineMs: 2_000 }))).job;

describe('the embedded queue across a stop', () => {
  it('gives a job in flight at SIGINT back to the queue, and runs it to the end after the restart', async () => {
    const { job } = await as(() => client.ingestDocuments({ documents }));
    const id = job?.id ?? '';
    await waitFor(async () => ((await jobOf(id))?.documentsDone ?? 0) >= 2, 20_000);

    // Ctrl-C: both go down together.
    await Promise.all([retrieve.kill('SIGINT'), embed?.close()]);
    const stopped = retrieve.output();
    expect(stopped).toContain('ingest job interrupted by shutdown; queued again, no attempt used');

    embed = await startFakeEmbedServer(embedPort, { delayMs: 10 });
    await retrieve.start();
    expect(retrieve.output().slice(stopped.length)).toContain(
      'ingest jobs unfinished at the last stop queued again',
    );
    const done = await waitFor(async () => {
      const seen = await jobOf(id);
      return seen?.state === 'JOB_STATE_SUCCEEDED' || seen?.state === 'JOB_STATE_FAILED' ? seen : undefined;
    }, 30_000);
    expect(done).toMatchObject({
      state: 'JOB_STATE_SUCCEEDED',
      documentsDone: DOCUMENTS,
      chunksIndexed: DOCUMENTS,
      error: '',
    });
  }, 90_000);
});
