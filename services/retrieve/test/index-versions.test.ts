import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { connectEventBus, type EventEnvelope, type Subscription } from '@ragfleet/events';
import type { RetrieveV1 } from '@ragfleet/protos';
import { runWithRequestContext } from '@ragfleet/telemetry';
import { uniqueSuffix, waitFor } from '@ragfleet/testing';
import { INDEX_BACKENDS } from '../src/config.ts';
import { ingestTopology } from '../src/ingest-topology.ts';
import { HashingEmbedder } from './support/hashing-embedder.ts';
import { deleteStreams, natsUrl } from './support/nats-streams.ts';
import { makeTempDir } from './support/temp-dir.ts';
import { QuietLogger } from './support/quiet-logger.ts';
import { startRunningRetrieve, type RunningRetrieve } from './support/running-retrieve.ts';

// Versions (each its own corpus and tables) on each index backend.
describe.each(INDEX_BACKENDS)('index versions over gRPC, INDEX_BACKEND=%s', (backend) => {
  const topology = ingestTopology(uniqueSuffix());
  const embedder = new HashingEmbedder();
  let dataDir: { path: string; remove: () => Promise<void> };

  function startRetrieve(): Promise<RunningRetrieve> {
    return startRunningRetrieve(
      {
        DATA_DIR: dataDir.path,
        NATS_URL: natsUrl,
        CHUNK_SIZE: '400',
        CHUNK_OVERLAP: '40',
        INDEX_BUILD_BATCH_DOCUMENTS: '2',
        INDEX_BACKEND: backend,
      },
      { embedder, embedderFor: () => embedder, topology },
    );
  }

  const as = <T>(fn: () => Promise<T>) =>
    runWithRequestContext({ requestId: 'versions-req', tenant: 'acme' }, fn);

  const call = <Res>(
    service: RunningRetrieve,
    method: keyof RetrieveV1.IndexVersionServiceClient & string,
    request: unknown,
  ) => as(() => service.versions.unary<Res>(method, request, { deadlineMs: 20_000 }));

  const documents: RetrieveV1.Document[] = [
    ['owls', 'Owls hunt mice at night. Barn owls fly silently over the fields and the hedges.'],
    ['engines', 'Diesel engines compress air. Jet engines burn kerosene at altitude over the sea.'],
    ['bread', 'Bakers knead dough and bake bread in hot ovens long before dawn breaks.'],
    ['bees', 'Bees gather nectar from flowers and make honey in the hive all summer long.'],
    ['tides', 'The moon pulls the oceans so that the tides rise and fall twice every day.'],
  ].map(([id, text]) => ({ id, title: id, text, metadata: {} }));

  const labeled = [
    { query: 'owls hunt mice', relevant: [{ documentId: 'owls', grade: 1 }] },
    { query: 'bake bread', relevant: [{ documentId: 'bread', grade: 1 }] },
  ];

  let service: RunningRetrieve;
  const progress: Array<EventEnvelope<RetrieveV1.IndexVersion__Output>> = [];
  let observer: { bus: Awaited<ReturnType<typeof connectEventBus>>; subscription: Subscription };

  beforeAll(async () => {
    dataDir = await makeTempDir();
    service = await startRetrieve();
    const { job } = await as(() => service.client.ingestDocuments({ documents }));
    await waitFor(async () => {
      const current = (await as(() => service.client.getJob(job?.id ?? ''))).job;
      return current?.state === 'JOB_STATE_SUCCEEDED' ? current : undefined;
    }, 20_000);
    const bus = await connectEventBus({ natsUrl, streams: topology.streams, logger: new QuietLogger() });
    const subscription = await bus.subscribe<RetrieveV1.IndexVersion__Output>(
      topology.versionProgressSubject,
      { durable: `observer-${uniqueSuffix()}` },
      async (event) => {
        progress.push(event);
      },
    );
    observer = { bus, subscription };
  });

  afterAll(async () => {
    await observer.subscription.stop();
    await observer.bus.close();
    await service.stop();
    await deleteStreams(topology.streams.map((stream) => stream.name));
    await dataDir.remove();
  });

  const chunkLengths = async () =>
    (await as(() => service.client.search({ query: 'owls bread engines bees tides', k: 20 }))).hits.map(
      (hit) => hit.end - hit.start,
    );

  it('builds a shadow version, reports its progress, activates it through the gate and rolls back', async () => {
    const listed = await call<RetrieveV1.ListIndexVersionsResponse__Output>(service, 'ListIndexVersions', {});
    expect(listed).toMatchObject({ active: 1, previous: 0 });
    expect(listed.versions[0]).toMatchObject({ id: 1, state: 'active', chunking: { size: 400 } });
    expect(Math.max(...(await chunkLengths()))).toBeGreaterThan(40);

    const built = await call<RetrieveV1.BuildIndexVersionResponse__Output>(service, 'BuildIndexVersion', {
      chunking: { strategy: 'characters', size: 40, overlap: 5 },
    });
    expect(built.version).toMatchObject({ id: 2, state: 'building' });
    const ready = await waitFor(async () => {
      const { version } = await call<RetrieveV1.GetIndexVersionResponse__Output>(service, 'GetIndexVersion', {
        id: 2,
      });
      return version?.state === 'ready' ? version : undefined;
    }, 20_000);
    expect(ready).toMatchObject({ documentsDone: 5, documentsTotal: 5 });
    await waitFor(async () => progress.some((event) => event.data.state === 'ready') || undefined, 10_000);
    expect(progress.map((event) => event.data.documentsDone)).toEqual(expect.arrayContaining([2, 4, 5]));

    const activation = await call<RetrieveV1.ActivateIndexVersionResponse__Output>(
      service,
      'ActivateIndexVersion',
      { id: 2, queries: labeled },
    );
    expect(activation).toMatchObject({ activated: true, forced: false, version: { id: 2, state: 'active' } });
    expect(activation.activeNdcg10).toBeGreaterThan(0);
    expect(Math.max(...(await chunkLengths()))).toBeLessThanOrEqual(40);

    const rolledBack = await call<RetrieveV1.RollbackIndexVersionResponse__Output>(
      service,
      'RollbackIndexVersion',
      {},
    );
    expect(rolledBack.version).toMatchObject({ id: 1, state: 'active' });
    expect(Math.max(...(await chunkLengths()))).toBeGreaterThan(40);
  });

  it('keeps the alias across a restart', async () => {
    await call(service, 'ActivateIndexVersion', { id: 2, force: true });
    await service.stop();
    service = await startRetrieve();
    const listed = await call<RetrieveV1.ListIndexVersionsResponse__Output>(service, 'ListIndexVersions', {});
    expect(listed).toMatchObject({ active: 2, previous: 1 });
    expect(Math.max(...(await chunkLengths()))).toBeLessThanOrEqual(40);
  });

  it('answers bad requests with stable codes', async () => {
    await expect(call(service, 'GetIndexVersion', { id: 99 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      call(service, 'BuildIndexVersion', { chunking: { strategy: 'paragraphs' } }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(call(service, 'ActivateIndexVersion', { id: 1 })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    const { active } = await call<RetrieveV1.ListIndexVersionsResponse__Output>(
      service,
      'ListIndexVersions',
      {},
    );
    await expect(call(service, 'ActivateIndexVersion', { id: active, force: true })).rejects.toMatchObject({
      code: 'FAILED_PRECONDITION',
    });
  });
});
