import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { fleetTopology } from '@ragfleet/events';
import { GenerateClient, RolloutClient, Transport } from '@ragfleet/grpc';
import type { GenerateV1, RetrieveV1 } from '@ragfleet/protos';
import { hostService, type HostedService } from '@ragfleet/service-host';
import { currentRequestContext, runWithRequestContext } from '@ragfleet/telemetry';
import { uniqueSuffix, waitFor } from '@ragfleet/testing';
import { compose } from '../src/compose.ts';
import { loadGenerateConfig } from '../src/config.ts';
import { startFakeRouterRetrieve, type FakeRouterRetrieve } from './fake-router-retrieve.ts';

/*
 * The recall guard in a running generate (composed as main.ts does) over real gRPC with a service
 * key: a fake retrieve answers the labelled queries of ROLLOUT_LABELLED_SET by mode, so recall@5
 * is known; the measured value lands on the rollout, the candidate's share searches with its
 * settings, and a candidate whose recall drops is rolled back by the controller with the reason.
 */
const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const namespace = `recall_${uniqueSuffix()}`;
const key = `recall-${uniqueSuffix()}-key-of-enough-length`;
const dir = mkdtempSync(join(tmpdir(), 'ragfleet-recall-grpc-'));
const LABELS_TENANT = 'labels-tenant';
const LABELLED_SET = {
  tenant: LABELS_TENANT,
  queries: [
    { query: 'how do rollouts roll back', relevant: ['rollouts'] },
    { query: 'where are prompt versions kept', relevant: ['prompts', 'changes'] },
  ],
};

const hit = (documentId: string, index: number): RetrieveV1.SearchHit => ({
  chunkId: `${documentId}#${index}`,
  documentId,
  title: `${documentId}.md`,
  text: `Text of ${documentId}, chunk ${index}.`,
  score: 1 - index / 100,
  start: 0,
  end: 20,
});
const filler = (n: number) => Array.from({ length: n }, (_, i) => `other-${i}`);

interface SeenSearch {
  tenant: string | undefined;
  query: string;
  mode: string;
  fusion: string;
  rerank: string;
  k: number;
}

describe('recall@5 of a retrieval candidate in a running generate', () => {
  const transport = Transport.create({ service: 'gateway', keys: [Buffer.from(key)] });
  const searches: SeenSearch[] = [];
  /** Set to break the keyword ranking: the relevant documents fall out of the top 5. */
  let keywordDegraded = false;
  let upstream: FakeRouterRetrieve;
  let host: HostedService;
  let generate: GenerateClient;
  let rollouts: RolloutClient;

  /** keyword ranks every relevant document first; vector only the second query's first one. */
  function rank(query: string, mode: string): string[] {
    const labelled = LABELLED_SET.queries.find((q) => q.query === query);
    if (!labelled) return ['guide'];
    if (mode === 'keyword' && !keywordDegraded) return [...labelled.relevant, ...filler(5)];
    if (mode === 'vector' && labelled.relevant.length > 1) return [labelled.relevant[0]!, ...filler(5)];
    return [...filler(5), ...labelled.relevant];
  }

  beforeAll(async () => {
    const labelsFile = join(dir, 'recall-set.json');
    writeFileSync(labelsFile, JSON.stringify(LABELLED_SET));
    upstream = await startFakeRouterRetrieve(
      async (request: RetrieveV1.SearchRequest__Output): Promise<RetrieveV1.SearchResponse> => {
        searches.push({
          tenant: currentRequestContext()?.tenant,
          query: request.query,
          mode: request.mode,
          fusion: request.fusion,
          rerank: request.rerank,
          k: request.k,
        });
        return { hits: rank(request.query, request.mode).slice(0, request.k).map(hit) };
      },
    );
    const upstreamAddress = upstream.address;
    host = await hostService({
      name: 'generate',
      config: () =>
        loadGenerateConfig({
          LOG_LEVEL: 'silent',
          SERVICE_AUTH_KEY: key,
          NATS_URL,
          NATS_NAMESPACE: namespace,
          DATA_DIR: dir,
          RESPONSE_CACHE_ENTRIES: '0',
          BUDGETS_ENABLED: 'false',
          ROUTER_ADDR: upstreamAddress,
          RETRIEVE_ADDR: upstreamAddress,
          EXPERIMENTS_CACHE_MS: '100',
          EXPERIMENTS_CONTROLLER_INTERVAL_MS: '150',
          ROLLOUT_LABELLED_SET: labelsFile,
        }),
      grpcPort: () => 0,
      opsPort: () => 0,
      host: '127.0.0.1',
      exitOnSignal: false,
      compose,
    });
    const address = `127.0.0.1:${host.grpcPort}`;
    generate = new GenerateClient(address, { transport });
    rollouts = new RolloutClient(address, { transport });
  });

  afterAll(async () => {
    generate?.close();
    rollouts?.close();
    await host?.lifecycle.shutdown('test');
    await upstream?.close();
    const connection = await connect({ servers: NATS_URL });
    const manager = await jetstreamManager(connection);
    for (const stream of Object.values(fleetTopology(namespace).streams)) {
      await manager.streams.delete(stream.name).catch(() => false);
    }
    await connection.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const admin = <T>(fn: () => Promise<T>) =>
    runWithRequestContext({ requestId: `req-${uniqueSuffix()}`, tenant: 'acme', user: 'admin' }, fn);
  const labelledSearches = () => searches.filter((s) => s.query !== 'How do rollouts advance?');

  it('stores the measured recall, searches the candidate share with its settings, and rolls back a drop', async () => {
    // keyword: both queries find all their relevant documents → recall@5 1.
    const good = (
      await admin(() =>
        rollouts.createRollout({
          family: 'answer',
          candidate: { retrieval: { mode: 'keyword', fusion: 'rrf', rerank: 'mmr', k: 7 } },
          stages: [{ share: 1, holdSeconds: 3_600, holdAnswers: 0 }],
        }),
      )
    ).rollout!;
    expect(good).toMatchObject({ state: 'ROLLOUT_STATE_RUNNING', minRecall: 0.7, recallAt_5: 1 });
    expect(good.candidate?.retrieval).toEqual({ mode: 'keyword', fusion: 'rrf', rerank: 'mmr', k: 7 });
    expect(labelledSearches()).toEqual(
      LABELLED_SET.queries.map(({ query }) => ({
        tenant: LABELS_TENANT,
        query,
        mode: 'keyword',
        fusion: 'rrf',
        rerank: 'mmr',
        k: 7,
      })),
    );
    expect((await admin(() => rollouts.getRollout(good.id))).rollout?.recallAt_5).toBe(1);

    // All of the traffic is the candidate's: the answer's own search uses its settings and k.
    let done: GenerateV1.Done__Output | undefined;
    await runWithRequestContext(
      { requestId: `req-${uniqueSuffix()}`, tenant: 'acme', user: 'u1' },
      async () => {
        for await (const event of generate.answer({ query: 'How do rollouts advance?', promptVersion: '' })) {
          if (event.done) done = event.done;
        }
      },
    );
    expect(done).toMatchObject({ experimentId: good.id, variant: 'candidate' });
    expect(searches.at(-1)).toEqual({
      tenant: 'acme',
      query: 'How do rollouts advance?',
      mode: 'keyword',
      fusion: 'rrf',
      rerank: 'mmr',
      k: 7,
    });
    await admin(() => rollouts.abortRollout(good.id));

    // vector: (0 + 1/2) / 2 = 0.25, under the floor at creation: rolled back at once.
    const poor = (
      await admin(() =>
        rollouts.createRollout({ family: 'answer', candidate: { retrieval: { mode: 'vector' } } }),
      )
    ).rollout!;
    expect(poor).toMatchObject({
      state: 'ROLLOUT_STATE_ROLLED_BACK',
      recallAt_5: 0.25,
      reason: 'recall@5 0.25 below 0.70',
    });
    // The labelled searches ask for at least 5 passages (the service's top k when none is set).
    expect(labelledSearches().at(-1)).toMatchObject({ tenant: LABELS_TENANT, mode: 'vector', k: 5 });

    // keyword again, on a short first stage; the ranking degrades before the controller advances it.
    const dropping = (
      await admin(() =>
        rollouts.createRollout({
          family: 'answer',
          candidate: { retrieval: { mode: 'keyword' } },
          stages: [
            { share: 0.5, holdSeconds: 1, holdAnswers: 0 },
            { share: 1, holdSeconds: 3_600, holdAnswers: 0 },
          ],
          minRecall: 0.9,
        }),
      )
    ).rollout!;
    expect(dropping).toMatchObject({ state: 'ROLLOUT_STATE_RUNNING', minRecall: 0.9, recallAt_5: 1 });
    keywordDegraded = true;
    const rolledBack = await waitFor(async () => {
      const { rollout } = await admin(() => rollouts.getRollout(dropping.id));
      return rollout?.state === 'ROLLOUT_STATE_ROLLED_BACK' ? rollout : undefined;
    }, 10_000);
    expect(rolledBack).toMatchObject({ stage: 0, recallAt_5: 0, reason: 'recall@5 0.00 below 0.90' });
  }, 30_000);
});
