import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { fleetTopology } from '@ragfleet/events';
import { FeedbackClient, RecommendClient, SubjectClient, Transport, WeightsClient } from '@ragfleet/grpc';
import type { FeedbackV1, RecommendV1 } from '@ragfleet/protos';
import { hostService, type HostedService } from '@ragfleet/service-host';
import { runWithRequestContext } from '@ragfleet/telemetry';
import { uniqueSuffix, waitFor } from '@ragfleet/testing';
import { generateDemoNodes } from '@ragfleet/packs/lightning/demo-nodes.ts';
import { composeFeedback, type ComposedFeedback } from '../src/compose.ts';
import { FakeClock } from '../src/domain/clock.ts';
import { loadFeedbackConfig } from '../src/config.ts';
import { compose as composeRecommend } from '../../recommend/src/compose.ts';
import { loadRecommendConfig } from '../../recommend/src/config.ts';

/*
 * The recommendation loop of issue 13, whole, with the real feedback service and the real scorer
 * composed as their main.ts do, over real gRPC with a service key and real NATS JetStream:
 * recommend → apply → the clock passes the measurement delay → measured → new weights fitted and
 * published → the scorer scores with them without a restart → rollback → the old weights again.
 * Only the clock is fake (feedback's Clock port). The scorer's weights poll is set to an hour, so
 * the pickup can only come from the weightsActivated event.
 */
const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const DAY = 86_400_000;
const namespace = `loop_${uniqueSuffix()}`;
const key = `whole-loop-${uniqueSuffix()}-key-of-enough-length`;
const caller = { tenant: 'acme', user: 'operator-1' };
const as = <T>(fn: () => Promise<T>) =>
  runWithRequestContext({ requestId: `req-${uniqueSuffix()}`, ...caller }, fn);

async function collect(events: AsyncIterable<RecommendV1.RecommendResponse__Output>) {
  const seen: RecommendV1.RecommendResponse__Output[] = [];
  for await (const event of events) seen.push(event);
  return seen;
}

describe('the recommendation loop on real NATS', () => {
  const clock = new FakeClock('2026-11-01T00:00:00.000Z');
  const dataDir = mkdtempSync(join(tmpdir(), 'ragfleet-loop-'));
  const transport = Transport.create({ service: 'gateway', keys: [Buffer.from(key)] });
  let feedbackHost: HostedService;
  let recommendHost: HostedService;
  let feedbackComposed: ComposedFeedback | undefined;
  let subjects: SubjectClient;
  let feedback: FeedbackClient;
  let weights: WeightsClient;
  let scorer: RecommendClient;

  beforeAll(async () => {
    const common = { LOG_LEVEL: 'silent', SERVICE_AUTH_KEY: key, NATS_URL, NATS_NAMESPACE: namespace };
    feedbackHost = await hostService({
      name: 'feedback',
      config: () =>
        loadFeedbackConfig({
          ...common,
          DATA_DIR: dataDir,
          FEEDBACK_LEARNING_MIN_OUTCOMES: '3',
          // The periodic tasks stay out of the way: the test runs the measurer and the fit.
          FEEDBACK_MEASURE_INTERVAL_MS: String(DAY),
          FEEDBACK_FIT_INTERVAL_MS: String(DAY),
        }),
      grpcPort: () => 0,
      opsPort: () => 0,
      host: '127.0.0.1',
      exitOnSignal: false,
      compose: async (kit, config) => {
        feedbackComposed = await composeFeedback(kit, config, { clock });
      },
    });
    const feedbackAddress = `127.0.0.1:${feedbackHost.grpcPort}`;
    recommendHost = await hostService({
      name: 'recommend',
      config: () =>
        loadRecommendConfig({
          ...common,
          FEEDBACK_ADDR: feedbackAddress,
          // Nothing listens there: the loop asks for rule candidates only.
          GENERATE_ADDR: '127.0.0.1:1',
          REPLICA_ID: 'loop-1',
          RECOMMEND_WEIGHTS_POLL_MS: String(3_600_000),
        }),
      grpcPort: () => 0,
      opsPort: () => 0,
      host: '127.0.0.1',
      exitOnSignal: false,
      compose: async (kit, config) => {
        await composeRecommend(kit, config);
      },
    });
    subjects = new SubjectClient(feedbackAddress, { transport });
    feedback = new FeedbackClient(feedbackAddress, { transport });
    weights = new WeightsClient(feedbackAddress, { transport });
    scorer = new RecommendClient(`127.0.0.1:${recommendHost.grpcPort}`, { transport });
  });

  afterAll(async () => {
    for (const client of [subjects, feedback, weights, scorer]) client?.close();
    await recommendHost?.lifecycle.shutdown('test');
    await feedbackHost?.lifecycle.shutdown('test');
    rmSync(dataDir, { recursive: true, force: true });
    const connection = await connect({ servers: NATS_URL });
    const manager = await jetstreamManager(connection);
    for (const stream of Object.values(fleetTopology(namespace).streams)) {
      await manager.streams.delete(stream.name).catch(() => false);
    }
    await connection.close();
  });

  it('recommends, measures what was applied, learns weights the scorer takes without a restart, and rolls back', async () => {
    // Start: the scorer scores with the seed that feedback holds.
    const seed = (await waitFor(async () => {
      const state = await as(() => scorer.getScorerState());
      return state.weights?.active ? state.weights : undefined;
    }))!;
    expect(seed.version).toBe('seed-1');

    // A demo node, observed now, then its recommendations (rules only; the scorer is stateless,
    // the subject and its snapshot live in feedback).
    const node = generateDemoNodes(5, 1)[0]!;
    const snapshot = (revenueFactor: number): FeedbackV1.MetricSnapshot => ({
      observedAt: new Date(clock.now()).toISOString(),
      metrics: {
        ...node.metrics.subject,
        routing_revenue_sat_30d: (node.metrics.subject.routing_revenue_sat_30d ?? 1000) * revenueFactor,
      },
      collections: Object.entries(node.metrics.collections).map(([scope, items]) => ({ scope, items })),
    });
    await as(() => subjects.createSubject({ id: node.pubkey, pack: 'lightning', name: node.alias }));
    await as(() => subjects.putMetrics({ subjectId: node.pubkey, snapshot: snapshot(1) }));
    const events = await as(() => collect(scorer.recommend({ subjectId: node.pubkey, includeModel: false })));
    expect(events.map((e) => e.progress)).toEqual([0, 25, 50, 90, 100]);
    const recommended =
      events.find((e) => e.event === 'ruleRecommendations')?.ruleRecommendations?.recommendations ?? [];
    expect(recommended.length).toBeGreaterThanOrEqual(3);
    expect(recommended.every((r) => r.weightsVersion === 'seed-1')).toBe(true);

    // The operator applies them; the pack measures 7 days later.
    for (const r of recommended) {
      const moved = await as(() => feedback.transition({ id: r.id, to: 'STAGE_APPLIED', note: 'applied' }));
      expect(moved.record?.stage).toBe('STAGE_APPLIED');
    }
    expect((await feedbackComposed!.measureDueNow()).measured).toBe(0); // not due yet
    clock.advance(7 * DAY + 60_000);
    await as(() => subjects.putMetrics({ subjectId: node.pubkey, snapshot: snapshot(1.25) }));
    const run = await feedbackComposed!.measureDueNow();
    expect(run.measured).toBe(recommended.length);
    const measured = await as(() => feedback.getRecommendation(recommended[0]!.id));
    expect(measured.record?.stage).toBe('STAGE_MEASURED');
    expect(measured.record?.outcome?.effectiveness).toBeGreaterThan(0.5);

    // Learning: a fit from the measured outcomes, published, taken by the running scorer.
    const fitted = await as(() => weights.fitWeights());
    expect(fitted.changed).toBe(true);
    const learned = fitted.weights!;
    expect(learned.version).not.toBe('seed-1');
    expect(learned.fit?.outcomes).toBe(recommended.length);
    await waitFor(async () => (await as(() => scorer.getScorerState())).weights?.version === learned.version);
    const scored = await as(() =>
      scorer.score({
        subjectId: node.pubkey,
        candidates: [
          { category: 'fees', action: 'raise_fee', target: 'channel:x', effects: { risk: 0.2, steps: 1 } },
        ],
      }),
    );
    expect(scored.weightsVersion).toBe(learned.version);

    // Rollback: the seed's factors are active again, in the scorer too.
    const restored = (await as(() => weights.rollbackWeights('seed-1'))).weights!;
    expect(restored.origin).toBe('rollback');
    expect(restored.restoredVersion).toBe('seed-1');
    const state = (await waitFor(async () => {
      const current = (await as(() => scorer.getScorerState())).weights;
      return current?.version === restored.version ? current : undefined;
    }))!;
    const factors = (w: FeedbackV1.WeightsVersion__Output | FeedbackV1.WeightsVersion) =>
      Object.fromEntries((w.factors ?? []).map((f) => [f.name, Number(Number(f.weight).toFixed(6))]));
    expect(factors(state)).toEqual(factors(seed));
    expect(factors(state)).not.toEqual(factors(learned));
  });
});
