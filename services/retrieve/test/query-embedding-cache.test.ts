import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { runWithRequestContext } from '@ragfleet/telemetry';
import { freePort, waitFor } from '@ragfleet/testing';
import { startFakeEmbedServer, type FakeEmbedServer } from './support/fake-embed-server.ts';
import { startRunningRetrieve, type RunningRetrieve } from './support/running-retrieve.ts';
import { makeTempDir } from './support/temp-dir.ts';

// The real composition and gRPC client: a repeated question is embedded once, not once per search.
const as = <T>(fn: () => Promise<T>) => runWithRequestContext({ requestId: 'cache', tenant: 'acme' }, fn);

let embed: FakeEmbedServer;
let embedPort: number;
const started: Array<{ retrieve: RunningRetrieve; remove: () => Promise<void> }> = [];

beforeAll(async () => {
  embedPort = await freePort();
  embed = await startFakeEmbedServer(embedPort);
});

afterAll(async () => {
  for (const { retrieve, remove } of started) {
    await retrieve.stop();
    await remove();
  }
  await embed.close();
});

async function retrieveWith(cacheEntries: string): Promise<RunningRetrieve> {
  const dataDir = await makeTempDir();
  const retrieve = await startRunningRetrieve(
    {
      DATA_DIR: dataDir.path,
      EMBED_ADDR: `127.0.0.1:${embedPort}`,
      QUERY_EMBEDDING_CACHE_ENTRIES: cacheEntries,
    },
    {},
  );
  started.push({ retrieve, remove: dataDir.remove });
  const { job } = await as(() =>
    retrieve.client.ingestDocuments({
      documents: [{ id: 'wing', title: 'Wings', text: 'Lift grows with the angle of attack.', metadata: {} }],
    }),
  );
  await waitFor(
    async () => (await as(() => retrieve.client.getJob(job?.id ?? ''))).job?.state === 'JOB_STATE_SUCCEEDED',
  );
  return retrieve;
}

/** Embed calls made by `count` identical hybrid searches. */
async function embedCallsFor(retrieve: RunningRetrieve, count: number): Promise<number> {
  const before = embed.calls;
  for (let i = 0; i < count; i++) {
    const { hits } = await as(() => retrieve.client.search({ query: 'what is lift?', k: 1, mode: 'hybrid' }));
    expect(hits[0]?.documentId).toBe('wing');
  }
  return embed.calls - before;
}

describe('query embeddings', () => {
  it('are cached: the same question three times costs one embed call', async () => {
    expect(await embedCallsFor(await retrieveWith('100'), 3)).toBe(1);
  }, 30_000);

  it('are embedded on every search with QUERY_EMBEDDING_CACHE_ENTRIES=0', async () => {
    expect(await embedCallsFor(await retrieveWith('0'), 3)).toBe(3);
  }, 30_000);
});
