import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import {
  connectEventBus,
  createEvent,
  fleetTopology,
  type EventBus,
  type EventEnvelope,
} from '@ragfleet/events';
import type { RecommendV1 } from '@ragfleet/protos';
import { createLogger, runWithRequestContext } from '@ragfleet/telemetry';
import { uniqueSuffix, waitFor } from '@ragfleet/testing';
import { startFakeFeedback, type FakeFeedback } from './support/fake-feedback.ts';
import { startFakeGenerate, type FakeGenerate } from './support/fake-generate.ts';
import { subjectResponse, troubledNode, weightsVersion } from './support/nodes.ts';
import { startRunningRecommend, type RunningRecommend } from './support/running-recommend.ts';

const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const TENANT = 'acme';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const FIT_1 = {
  revenue_impact: 0.25,
  ease_of_implementation: 0.25,
  risk_level: 0.15,
  time_to_value: 0.15,
  data_confidence: 0.1,
  network_conditions: 0.1,
};
const FIT_2 = { ...FIT_1, revenue_impact: 0.4, ease_of_implementation: 0.1 };

const as = <T>(tenant: string, fn: () => Promise<T>) =>
  runWithRequestContext({ requestId: `req-${uniqueSuffix()}`, tenant }, fn);

async function rejection(
  promise: Promise<unknown>,
): Promise<{ code?: string; details?: Record<string, unknown> }> {
  try {
    await promise;
  } catch (error) {
    return error as { code?: string };
  }
  throw new Error('expected a rejection');
}

describe('recommendation-scorer over real gRPC and NATS', () => {
  const namespace = `rec_${uniqueSuffix().replace(/\W/g, '_')}`.slice(0, 40);
  const topology = fleetTopology(namespace);
  let feedback: FakeFeedback;
  let generate: FakeGenerate;
  let scorer: RunningRecommend;
  let observer: EventBus;
  const generated: EventEnvelope<{ id: string; weightsVersion: string }>[] = [];

  /** Runs Recommend, noting in the fake feedback's timeline when each batch arrived. */
  async function recommend(request: RecommendV1.RecommendRequest, tenant = TENANT) {
    return as(tenant, async () => {
      const events: RecommendV1.RecommendResponse__Output[] = [];
      for await (const event of scorer.client.recommend(request)) {
        events.push(event);
        const batch = event.ruleRecommendations ?? event.aiRecommendations;
        if (batch)
          feedback.timeline.push({
            what: `received ${event.event}`,
            ids: batch.recommendations.map((r) => r.id),
          });
      }
      return events;
    });
  }

  beforeAll(async () => {
    feedback = await startFakeFeedback();
    generate = await startFakeGenerate();
    feedback.active = weightsVersion('fit-1', FIT_1, '2026-11-01T00:00:00.000Z');
    feedback.subjects.set(
      TENANT,
      new Map([
        ['node-a', subjectResponse('node-a', troubledNode())],
        ['node-empty', subjectResponse('node-empty', undefined)],
        ['node-other-pack', subjectResponse('node-other-pack', troubledNode(), 'kubernetes')],
      ]),
    );
    observer = await connectEventBus({
      natsUrl: NATS_URL,
      streams: [topology.streams.events],
      logger: createLogger('test', 'silent'),
    });
    await observer.subscribe<{ id: string; weightsVersion: string }>(
      topology.subjects.recommendationsGenerated,
      { durable: 'test-observer' },
      async (event) => {
        generated.push(event);
      },
    );
    scorer = await startRunningRecommend({
      FEEDBACK_ADDR: feedback.address,
      GENERATE_ADDR: generate.address,
      NATS_URL,
      NATS_NAMESPACE: namespace,
      REPLICA_ID: 'replica.one',
      RECOMMEND_WEIGHTS_POLL_MS: '60000',
    });
    await scorer.composed.feed.startRead;
  }, 30_000);

  afterAll(async () => {
    await scorer?.stop();
    await observer?.close();
    await feedback?.close();
    await generate?.close();
    const connection = await connect({ servers: NATS_URL });
    await (
      await jetstreamManager(connection)
    ).streams
      .delete(topology.streams.events.name)
      .catch(() => false);
    await connection.close();
  });

  beforeEach(() => {
    generate.reply = { text: '[]' };
  });

  it('streams status, subject, rule and model batches and complete with rising progress, each recorded before it arrives', async () => {
    generate.reply = {
      text: JSON.stringify([
        {
          action: 'lower_fee',
          target: 'channel:ch3',
          rationale: 'Idle at a high fee.',
          revenue_delta_fraction: 0.03,
          risk: 0.1,
        },
      ]),
      documentIds: ['doc-fees', 'doc-fees', 'doc-liquidity'],
    };
    const before = generated.length;
    const events = await recommend({ subjectId: 'node-a', includeModel: true });

    expect(events.map((e) => [e.event, e.progress])).toEqual([
      ['status', 0],
      ['subjectInfo', 25],
      ['ruleRecommendations', 50],
      ['aiRecommendations', 90],
      ['complete', 100],
    ]);
    const info = events[1]?.subjectInfo;
    expect(info?.subject?.id).toBe('node-a');
    expect(info?.summary['node.uptime']).toBe(0.9);
    expect(info?.context?.metricCompleteness).toBe(1);
    expect(info?.context?.health).toBeGreaterThan(0.5);
    expect(info?.context?.health).toBeLessThan(1);

    const rules = events[2]?.ruleRecommendations?.recommendations ?? [];
    expect(rules.map((r) => `${r.action} ${r.target}`).sort()).toEqual(
      [
        'improve_uptime node',
        'raise_fee channel:ch-drained',
        'rebalance_in channel:ch-drained',
        'rebalance_out channel:ch-full',
      ].sort(),
    );
    const scores = rules.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const r of rules) {
      expect(r.id).toMatch(UUID);
      expect(r.weightsVersion).toBe('fit-1');
      expect(r.source).toBe('rule');
      expect(r.factors.map((f) => f.name)).toHaveLength(6);
      expect(r.factors.reduce((sum, f) => sum + f.weight, 0)).toBeCloseTo(1, 3);
      expect(Number.isNaN(Date.parse(r.generatedAt))).toBe(false);
      expect(r.reasoning).toMatch(/^\d+\.\d\/100: /);
    }
    const rebalance = rules.find((r) => r.action === 'rebalance_in');
    expect(rebalance?.ruleIds).toEqual(['rebalance-depleted-active']);
    expect(rebalance?.inputs['channel.local_ratio']).toBe(0.1);
    expect(rebalance?.effects).toMatchObject({ steps: 2, risk: 0.2, inputsPresent: 2, inputsExpected: 2 });

    const ai = events[3]?.aiRecommendations;
    expect(ai?.dropped).toBe(0);
    expect(ai?.errorCode).toBe('');
    expect(ai?.recommendations).toHaveLength(1);
    expect(ai?.recommendations[0]).toMatchObject({
      action: 'lower_fee',
      target: 'channel:ch3',
      category: 'fees',
      source: 'model',
      description: 'Idle at a high fee.',
      grounding: ['doc-fees', 'doc-liquidity'],
      weightsVersion: 'fit-1',
    });
    expect(events[4]?.complete).toMatchObject({ total: 5, weightsVersion: 'fit-1', rulePackVersion: '1' });

    // Feedback had every batch, with the same ids and the caller's tenant, before it arrived.
    const order = feedback.timeline.slice(-4);
    expect(order.map((entry) => entry.what)).toEqual([
      'recorded',
      'received ruleRecommendations',
      'recorded',
      'received aiRecommendations',
    ]);
    expect(order[0]?.ids).toEqual(order[1]?.ids);
    expect(order[2]?.ids).toEqual(order[3]?.ids);
    expect(feedback.recorded.at(-1)?.tenant).toBe(TENANT);

    // Generate was asked with the subject's lines, the pack's actions and its worst signals.
    const asked = generate.requests.at(-1);
    expect(asked?.subject).toContain('node.uptime = 0.9');
    expect(asked?.subject).toContain('channel ch-drained: ');
    expect(asked?.actions.map((a) => a.name)).toEqual(
      expect.arrayContaining(['rebalance_in', 'raise_fee', 'lower_fee', 'close_channel', 'improve_uptime']),
    );
    expect(asked?.actions.find((a) => a.name === 'raise_fee')?.category).toBe('fees');
    expect(asked?.searchQuery).toContain('low node uptime 90 %');
    expect(asked?.k).toBe(5);

    // One recommendations.generated event per recommendation on JetStream, the id its id.
    const ids = [...rules, ...(ai?.recommendations ?? [])].map((r) => r.id);
    await waitFor(() => generated.length - before >= ids.length, 10_000);
    const seen = generated.slice(before);
    expect(seen.map((e) => e.id).sort()).toEqual([...ids].sort());
    expect(seen.every((e) => e.tenant === TENANT && e.type === 'recommendations.generated')).toBe(true);
    expect(seen.find((e) => e.id === ids[0])?.data.id).toBe(ids[0]);
  });

  it('drops model output that is not JSON, and counts it', async () => {
    generate.reply = { text: 'Sure! Here are my suggestions: rebalance everything.' };
    const events = await recommend({ subjectId: 'node-a', includeModel: true });
    const ai = events.find((e) => e.aiRecommendations)?.aiRecommendations;
    expect(ai).toMatchObject({ dropped: 1, recommendations: [] });
    expect(events.at(-1)?.complete?.total).toBe(4);
    expect(await scorer.metrics()).toMatch(
      /ragfleet_recommend_model_output_dropped_total\{reason="not_json"[^}]*\} 1/,
    );
  });

  it('reads a ```json fence, keeps the valid element, drops an unknown action and a wrong shape, merges a repeat of a rule', async () => {
    generate.reply = {
      text: [
        '```json',
        JSON.stringify([
          {
            action: 'close_channel',
            target: 'channel:ch5',
            rationale: 'Dead weight.',
            effort_steps: 1,
            days_to_value: 2,
          },
          { action: 'sell_the_node', target: 'node', rationale: 'Not an allowed action.' },
          { action: 'raise_fee', target: 'channel:ch6' },
          { action: 'rebalance_in', target: 'channel:ch-drained', rationale: 'Same as the rule says.' },
        ]),
        '```',
      ].join('\n'),
    };
    const events = await recommend({ subjectId: 'node-a', includeModel: true });
    const ai = events.find((e) => e.aiRecommendations)?.aiRecommendations;
    expect(ai?.recommendations.map((r) => `${r.action} ${r.target}`)).toEqual(['close_channel channel:ch5']);
    expect(ai?.dropped).toBe(2);
    expect(ai?.merged).toBe(1);
    const metrics = await scorer.metrics();
    expect(metrics).toMatch(
      /ragfleet_recommend_model_output_dropped_total\{reason="unknown_action"[^}]*\} 1/,
    );
    expect(metrics).toMatch(/ragfleet_recommend_model_output_dropped_total\{reason="wrong_shape"[^}]*\} 1/);
  });

  it('completes with the model error in the ai batch when the model chain fails', async () => {
    generate.reply = { error: 'PROVIDER_UNAVAILABLE' };
    const events = await recommend({ subjectId: 'node-a', includeModel: true });
    expect(events.map((e) => e.event)).toEqual([
      'status',
      'subjectInfo',
      'ruleRecommendations',
      'aiRecommendations',
      'complete',
    ]);
    const ai = events[3]?.aiRecommendations;
    expect(ai?.errorCode).toBe('PROVIDER_UNAVAILABLE');
    expect(ai?.errorMessage).toContain('no model provider');
    expect(ai?.recommendations).toEqual([]);
  });

  it('asks no model without include_model, and honours limit', async () => {
    const asked = generate.requests.length;
    const events = await recommend({ subjectId: 'node-a', includeModel: false, limit: 2 });
    expect(generate.requests.length).toBe(asked);
    expect(events[2]?.ruleRecommendations?.recommendations).toHaveLength(2);
    expect(events[3]?.aiRecommendations?.recommendations).toEqual([]);
    expect(events[4]?.complete?.total).toBe(2);
  });

  it('fails the stream with feedback’s codes and refuses bad requests', async () => {
    expect((await rejection(recommend({ subjectId: 'node-missing' }))).code).toBe('NOT_FOUND');
    // Subjects are the tenant's: another tenant's caller does not find node-a.
    expect((await rejection(recommend({ subjectId: 'node-a' }, 'globex'))).code).toBe('NOT_FOUND');
    expect((await rejection(recommend({ subjectId: 'node-empty' }))).code).toBe('FAILED_PRECONDITION');
    expect((await rejection(recommend({ subjectId: 'node-other-pack' }))).code).toBe('FAILED_PRECONDITION');
    const empty = await rejection(recommend({ subjectId: '' }));
    expect(empty.code).toBe('INVALID_ARGUMENT');
    expect(empty.details?.fields).toEqual([expect.objectContaining({ field: 'subject_id' })]);
    expect((await rejection(recommend({ subjectId: 'node-a', limit: 101 }))).code).toBe('INVALID_ARGUMENT');
  });

  it('scores a batch with a given context, best first, and refuses invalid candidates', async () => {
    const response = await as(TENANT, () =>
      scorer.client.score({
        candidates: [
          {
            category: 'fees',
            action: 'raise_fee',
            target: 'channel:a',
            effects: { revenueDeltaFraction: 0.01, risk: 0.6, steps: 4 },
          },
          {
            category: 'fees',
            action: 'raise_fee',
            target: 'channel:b',
            effects: { revenueDeltaFraction: 0.15, risk: 0.1, steps: 1 },
          },
          {
            id: 'mine',
            category: 'liquidity',
            action: 'rebalance_in',
            target: 'channel:c',
            description: 'kept',
            effects: {},
          },
        ],
        context: { health: 0.9, networkConditions: 0.7, metricCompleteness: 1 },
      }),
    );
    expect(response.weightsVersion).toBe('fit-1');
    expect(response.scored.map((s) => s.candidate?.id)).toEqual([
      'raise_fee channel:b',
      'mine',
      'raise_fee channel:a',
    ]);
    const scores = response.scored.map((s) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(response.scored[1]?.candidate?.description).toBe('kept');
    // No effects: four factors without inputs, so the confidence is lower.
    expect(response.scored[1]?.confidence).toBeLessThan(response.scored[0]?.confidence ?? 0);

    const bad = await rejection(
      as(TENANT, () =>
        scorer.client.score({
          candidates: [{ category: 'fees', action: 'raise_fee', target: 'x', effects: { risk: 3 } }],
        }),
      ),
    );
    expect(bad.code).toBe('INVALID_ARGUMENT');
    expect(bad.details?.fields).toEqual([expect.objectContaining({ field: 'candidates.0.effects.risk' })]);
    const noCategory = await rejection(
      as(TENANT, () => scorer.client.score({ candidates: [{ action: 'raise_fee' }] })),
    );
    expect(noCategory.details?.fields).toEqual([expect.objectContaining({ field: 'candidates.0.category' })]);
    const badContext = await rejection(
      as(TENANT, () => scorer.client.score({ candidates: [], context: { health: 2 } })),
    );
    expect(badContext.code).toBe('INVALID_ARGUMENT');
  });

  it('scores against a subject’s context from its metrics (poor health weights risk more)', async () => {
    const candidate = { category: 'fees', action: 'raise_fee', target: 'channel:x', effects: { risk: 0.5 } };
    const fromSubject = await as(TENANT, () =>
      scorer.client.score({ candidates: [candidate], subjectId: 'node-a' }),
    );
    const healthy = await as(TENANT, () =>
      scorer.client.score({ candidates: [candidate], context: { health: 1 } }),
    );
    const riskWeight = (r: RecommendV1.ScoreResponse__Output) =>
      r.scored[0]?.factors.find((f) => f.name === 'risk_level')?.weight ?? 0;
    expect(riskWeight(healthy)).toBeCloseTo(0.15, 4);
    expect(riskWeight(fromSubject)).toBeGreaterThan(0.15);
    expect(
      (await rejection(as(TENANT, () => scorer.client.score({ candidates: [candidate], subjectId: 'nope' }))))
        .code,
    ).toBe('NOT_FOUND');
  });

  it('takes a weights version from a weightsActivated event without a restart, and refuses invalid weights', async () => {
    const state = await scorer.client.getScorerState();
    expect(state).toMatchObject({ rulePack: 'lightning', rulePackVersion: '1', rules: 13 });
    expect(state.weights).toMatchObject({ version: 'fit-1', active: true });

    const publish = (version: string, factors: Record<string, number>, createdAt: string) =>
      observer.publish(
        topology.subjects.weightsActivated,
        createEvent({
          type: 'weights.activated',
          source: 'test',
          tenant: '',
          data: weightsVersion(version, factors, createdAt),
        }),
      );
    await publish('fit-2', FIT_2, '2026-11-02T00:00:00.000Z');
    const score = () =>
      as(TENANT, () =>
        scorer.client.score({ candidates: [{ category: 'fees', action: 'raise_fee', effects: {} }] }),
      );
    await waitFor(async () => (await score()).weightsVersion === 'fit-2', 10_000);
    const after = await scorer.client.getScorerState();
    expect(after.weights?.version).toBe('fit-2');
    expect(Date.parse(after.weightsLoadedAt)).toBeGreaterThan(Date.parse(state.weightsLoadedAt));

    await publish('broken-3', { ...FIT_2, revenue_impact: 0.9 }, '2026-11-03T00:00:00.000Z');
    await waitFor(
      async () => /ragfleet_recommend_weights_refused_total\{[^}]*\} 1/.test(await scorer.metrics()),
      10_000,
    );
    expect((await score()).weightsVersion).toBe('fit-2');
    expect(await scorer.metrics()).toMatch(
      /ragfleet_recommend_weights_version_changes_total\{via="event"[^}]*\} 1/,
    );
  });
});

describe('recommendation-scorer before feedback answers', () => {
  it('scores with the seed weights, says so, and takes feedback’s version once it answers', async () => {
    const feedback = await startFakeFeedback();
    const generate = await startFakeGenerate();
    const scorer = await startRunningRecommend({
      FEEDBACK_ADDR: feedback.address,
      GENERATE_ADDR: generate.address,
      RECOMMEND_WEIGHTS_POLL_MS: '60000',
    });
    try {
      await waitFor(() => feedback.weightsReads >= 1, 5_000);
      const state = await scorer.client.getScorerState();
      expect(state.weights).toMatchObject({ version: 'seed-1', origin: 'seed', active: false });
      const seeded = await as(TENANT, () =>
        scorer.client.score({ candidates: [{ category: 'fees', action: 'raise_fee' }] }),
      );
      expect(seeded.weightsVersion).toBe('seed-1');

      feedback.active = weightsVersion('fit-1', FIT_1, '2026-11-01T00:00:00.000Z');
      await scorer.composed.feed.startRead;
      expect(feedback.weightsReads).toBeGreaterThanOrEqual(2);
      expect((await scorer.client.getScorerState()).weights).toMatchObject({
        version: 'fit-1',
        active: true,
      });
    } finally {
      await scorer.stop();
      await feedback.close();
      await generate.close();
    }
  }, 20_000);

  it('without NATS, the poll picks up a new active version (events do not cross processes)', async () => {
    const feedback = await startFakeFeedback();
    const generate = await startFakeGenerate();
    feedback.active = weightsVersion('fit-1', FIT_1, '2026-11-01T00:00:00.000Z');
    const scorer = await startRunningRecommend({
      FEEDBACK_ADDR: feedback.address,
      GENERATE_ADDR: generate.address,
      RECOMMEND_WEIGHTS_POLL_MS: '100',
    });
    try {
      await scorer.composed.feed.startRead;
      // A rollback: an older version made active again is taken from feedback's own answer.
      feedback.active = weightsVersion('fit-0', FIT_2, '2026-10-01T00:00:00.000Z');
      await waitFor(async () => (await scorer.client.getScorerState()).weights?.version === 'fit-0', 5_000);
      expect(await scorer.metrics()).toMatch(
        /ragfleet_recommend_weights_version_changes_total\{via="poll"[^}]*\} 1/,
      );
    } finally {
      await scorer.stop();
      await feedback.close();
      await generate.close();
    }
  }, 20_000);
});
