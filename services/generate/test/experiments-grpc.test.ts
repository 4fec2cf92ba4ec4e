import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { connectEventBus, createEvent, fleetTopology, type EventBus } from '@ragfleet/events';
import { ExperimentClient, GenerateClient, PromptClient, RolloutClient, Transport } from '@ragfleet/grpc';
import type { GenerateV1, RetrieveV1 } from '@ragfleet/protos';
import { hostService, type HostedService } from '@ragfleet/service-host';
import { createLogger, runWithRequestContext } from '@ragfleet/telemetry';
import { uniqueSuffix, waitFor } from '@ragfleet/testing';
import { Redis } from 'ioredis';
import { compose } from '../src/compose.ts';
import { loadGenerateConfig } from '../src/config.ts';
import { startFakeRouterRetrieve, type FakeRouterRetrieve } from './fake-router-retrieve.ts';

/*
 * Prompts, experiments and rollouts in a running generate (composed as main.ts does) over real
 * gRPC with a service key, its store on the local Redis (a unique prefix) and answer feedback
 * arriving on real NATS (a unique namespace): answers get sticky variants, ratings are counted,
 * the controller completes the experiment and the winner becomes the default.
 */
const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const namespace = `exp_${uniqueSuffix()}`;
const prefix = `test:experiments-grpc:${uniqueSuffix()}:`;
const key = `experiments-${uniqueSuffix()}-key-of-enough-length`;
const logger = createLogger('experiments-grpc-test', 'silent');
const HIT: RetrieveV1.SearchHit = {
  chunkId: 'guide#0',
  documentId: 'guide',
  title: 'guide.md',
  text: 'Rollouts advance in stages while the error rate stays under one percent.',
  score: 0.9,
  start: 0,
  end: 72,
};
const as = <T>(user: string, fn: () => Promise<T>) =>
  runWithRequestContext({ requestId: `req-${uniqueSuffix()}`, tenant: 'acme', user }, fn);

describe('experiments in a running generate', () => {
  const transport = Transport.create({ service: 'gateway', keys: [Buffer.from(key)] });
  let upstream: FakeRouterRetrieve;
  let host: HostedService;
  let bus: EventBus;
  let generate: GenerateClient;
  let prompts: PromptClient;
  let experiments: ExperimentClient;
  let rollouts: RolloutClient;

  beforeAll(async () => {
    upstream = await startFakeRouterRetrieve(async (): Promise<RetrieveV1.SearchResponse> => ({
      hits: [HIT],
    }));
    const upstreamAddress = upstream.address;
    host = await hostService({
      name: 'generate',
      config: () =>
        loadGenerateConfig({
          LOG_LEVEL: 'silent',
          SERVICE_AUTH_KEY: key,
          NATS_URL,
          NATS_NAMESPACE: namespace,
          REDIS_URL,
          EXPERIMENTS_PREFIX: prefix,
          RESPONSE_CACHE_ENTRIES: '0',
          BUDGETS_ENABLED: 'false',
          ROUTER_ADDR: upstreamAddress,
          RETRIEVE_ADDR: upstreamAddress,
          EXPERIMENTS_CACHE_MS: '100',
          EXPERIMENTS_CONTROLLER_INTERVAL_MS: '150',
        }),
      grpcPort: () => 0,
      opsPort: () => 0,
      host: '127.0.0.1',
      exitOnSignal: false,
      compose,
    });
    const address = `127.0.0.1:${host.grpcPort}`;
    generate = new GenerateClient(address, { transport });
    prompts = new PromptClient(address, { transport });
    experiments = new ExperimentClient(address, { transport });
    rollouts = new RolloutClient(address, { transport });
    bus = await connectEventBus({
      natsUrl: NATS_URL,
      streams: [fleetTopology(namespace).streams.events],
      logger,
      name: 'feedback-test',
    });
  });

  afterAll(async () => {
    for (const client of [generate, prompts, experiments, rollouts]) client?.close();
    await bus?.close();
    await host?.lifecycle.shutdown('test');
    await upstream?.close();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
    const connection = await connect({ servers: NATS_URL });
    const manager = await jetstreamManager(connection);
    for (const stream of Object.values(fleetTopology(namespace).streams)) {
      await manager.streams.delete(stream.name).catch(() => false);
    }
    await connection.close();
  });

  async function ask(user: string): Promise<GenerateV1.Done__Output> {
    return as(user, async () => {
      let done: GenerateV1.Done__Output | undefined;
      for await (const event of generate.answer({ query: 'How do rollouts advance?', promptVersion: '' })) {
        if (event.done) done = event.done;
      }
      if (!done) throw new Error('no done event');
      return done;
    });
  }

  it('lists prompts, runs an experiment to a promoted winner from feedback on NATS, and guards rollouts', async () => {
    const listed = await as('admin', () => prompts.listPrompts());
    const answerFamily = listed.families.find((family) => family.name === 'answer');
    expect(answerFamily).toMatchObject({ defaultVersion: 'v3', defaultSource: 'config' });
    expect(answerFamily?.versions.map((v) => v.version)).toEqual(['v1', 'v2', 'v3']);
    expect(answerFamily?.versions[0]?.variables).toContain('question');
    expect(answerFamily?.versions[0]?.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(listed.families.map((family) => family.name)).toEqual(
      expect.arrayContaining(['session-summary', 'recommend-suggest']),
    );

    await expect(
      as('admin', () =>
        experiments.createExperiment({
          name: 'x',
          variants: [{ name: 'a', promptVersion: 'v9' }],
          metric: 'METRIC_THUMBS_UP_RATE',
        }),
      ),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    const created = await as('admin', () =>
      experiments.createExperiment({
        name: 'v2 against v3',
        family: 'answer',
        variants: [
          { name: 'control', promptVersion: 'v3', weight: 1 },
          { name: 'quoted', promptVersion: 'v2', weight: 1 },
        ],
        metric: 'METRIC_THUMBS_UP_RATE',
        minSamples: 5,
        alpha: 0.05,
      }),
    );
    const id = created.experiment!.id;
    expect(created.experiment).toMatchObject({ state: 'EXPERIMENT_STATE_RUNNING', family: 'answer' });
    await expect(
      as('admin', () => rollouts.createRollout({ family: 'answer', candidate: { promptVersion: 'v1' } })),
    ).rejects.toMatchObject({ code: 'FAILED_PRECONDITION' });

    const answers: GenerateV1.Done__Output[] = [];
    for (let i = 0; i < 30; i += 1) answers.push(await ask(`user-${i}`));
    for (const done of answers) {
      expect(done.experimentId).toBe(id);
      expect(done.promptVersion).toBe(done.variant === 'quoted' ? 'v2' : 'v3');
      expect(done.answerId).not.toBe('');
    }
    expect((await ask('user-3')).variant).toBe(answers[3]!.variant); // sticky
    expect(new Set(answers.map((done) => done.variant))).toEqual(new Set(['control', 'quoted']));

    // Users like the quoted answers, not the control's: feedback publishes answer.feedback.
    const subject = fleetTopology(namespace).subjects.answerFeedback;
    for (const done of answers) {
      await bus.publish(
        subject,
        createEvent({
          type: 'answer.feedback',
          source: 'feedback',
          tenant: 'acme',
          id: `answer:${done.answerId}`,
          data: { answerId: done.answerId, rating: done.variant === 'quoted' ? 'up' : 'down' },
        }),
      );
    }
    const ended = await waitFor(async () => {
      const { experiment } = await as('admin', () => experiments.getExperiment(id));
      return experiment?.state === 'EXPERIMENT_STATE_COMPLETED' ? experiment : undefined;
    }, 15_000);
    expect(ended).toMatchObject({ winner: 'quoted' });
    expect(ended!.decision).toMatch(/two-proportion z-test/);
    const quoted = ended!.results.find((result) => result.variant === 'quoted')!;
    expect(quoted.thumbsUp).toBe(quoted.rated);
    expect(Number(quoted.rated)).toBeGreaterThanOrEqual(5);

    const promoted = await waitFor(async () => {
      const { families } = await as('admin', () => prompts.listPrompts());
      const family = families.find((f) => f.name === 'answer');
      return family?.defaultVersion === 'v2' ? family : undefined;
    }, 5_000);
    expect(promoted?.defaultSource).toBe(`experiment:${id}`);
    const after = await waitFor(async () => {
      const done = await ask('someone-new');
      return done.promptVersion === 'v2' ? done : undefined;
    }, 5_000);
    expect(after?.experimentId).toBe('');

    // A rollout now that the family is free; aborting it rolls back at once.
    const rollout = (
      await as('admin', () =>
        rollouts.createRollout({ family: 'answer', candidate: { promptVersion: 'v1' } }),
      )
    ).rollout!;
    expect(rollout).toMatchObject({ state: 'ROLLOUT_STATE_RUNNING', stage: 0 });
    expect(rollout.stages.map((stage) => stage.share)).toEqual([0.1, 0.5, 1]);
    const aborted = (await as('admin', () => rollouts.abortRollout(rollout.id))).rollout!;
    expect(aborted).toMatchObject({ state: 'ROLLOUT_STATE_ROLLED_BACK', reason: 'aborted' });
    await expect(as('admin', () => rollouts.getRollout('nope'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  }, 60_000);
});
