import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection, type Subscription } from '@nats-io/transport-node';
import type { EventEnvelope } from '@ragfleet/events';
import { fleetTopology } from '@ragfleet/events';
import type { FeedbackV1 } from '@ragfleet/protos';
import { FACTOR_NAMES, SEED_WEIGHTS } from '@ragfleet/recommend/domain/scoring/index.ts';
import { runWithRequestContext } from '@ragfleet/telemetry';
import { uniqueSuffix, waitFor } from '@ragfleet/testing';
import { FakeClock } from '../src/domain/clock.ts';
import { startRunningFeedback, type RunningFeedback } from './support/running-feedback.ts';

const natsUrl = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const namespace = `feedback_${uniqueSuffix().replace(/[^A-Za-z0-9_]/g, '_')}`;
const topology = fleetTopology(namespace);
const DAY = 86_400_000;
const MIN_OUTCOMES = 6;

interface Caller {
  tenant: string;
  user?: string;
}
const alice: Caller = { tenant: 'acme', user: 'alice' };
const eve: Caller = { tenant: 'globex', user: 'eve' };

const as = <T>(caller: Caller, fn: () => Promise<T>) =>
  runWithRequestContext({ requestId: `req-${uniqueSuffix()}`, ...caller }, fn);

async function rejection(
  promise: Promise<unknown>,
): Promise<{ code: string; details?: Record<string, unknown> }> {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; details?: Record<string, unknown> };
  }
  throw new Error('expected a rejection');
}

function recommendation(id: string, subjectId: string, factorValues: number[], category = 'fees') {
  return {
    id,
    subjectId,
    category,
    action: 'raise_fee',
    target: 'chan-1',
    description: 'Raise the fee on a drained channel',
    source: 'rule',
    ruleIds: ['fee-drained'],
    inputs: { 'channel.local_ratio': 0.08 },
    effects: { risk: 0.2, steps: 1 },
    score: 71.5,
    priority: 'HIGH',
    confidence: 0.8,
    reasoning: '71.5/100: high revenue impact',
    factors: FACTOR_NAMES.map((name, i) => ({
      name,
      value: factorValues[i] ?? 0.5,
      weight: SEED_WEIGHTS.factors[name],
      hasInput: true,
    })),
    weightsVersion: 'seed-1',
    grounding: [],
  };
}

const snapshot = (observedAt: string, revenue: number, success: number): FeedbackV1.MetricSnapshot => ({
  observedAt,
  metrics: { routing_revenue_sat_30d: revenue, forward_success_rate: success, channels: 4 },
  collections: [
    { scope: 'channel', items: [{ id: 'chan-1', metrics: { local_ratio: 0.08, fee_ppm: 120 } }] },
  ],
});

describe('the feedback service over gRPC, on real NATS', () => {
  const clock = new FakeClock('2026-03-01T00:00:00.000Z');
  let service: RunningFeedback;
  let dataDir: string;
  let nats: NatsConnection;
  let subscription: Subscription;
  const events: Array<{ subject: string; event: EventEnvelope<Record<string, unknown>> }> = [];
  const eventsOn = (subject: string) => events.filter((e) => e.subject === subject).map((e) => e.event);

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'ragfleet-feedback-service-'));
    nats = await connect({ servers: natsUrl });
    subscription = nats.subscribe(`ragfleet.events.${namespace}.>`);
    void (async () => {
      for await (const message of subscription) {
        events.push({ subject: message.subject, event: message.json() });
      }
    })();
    service = await startRunningFeedback(
      {
        DATA_DIR: dataDir,
        NATS_URL: natsUrl,
        NATS_NAMESPACE: namespace,
        FEEDBACK_LEARNING_MIN_OUTCOMES: String(MIN_OUTCOMES),
        FEEDBACK_MEASURE_INTERVAL_MS: '3600000',
      },
      clock,
    );
  });

  afterAll(async () => {
    await service?.stop();
    subscription?.unsubscribe();
    const jsm = await jetstreamManager(nats);
    await jsm.streams.delete(topology.streams.events.name).catch(() => false);
    await nats?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('creates subjects in the caller tenant only; another tenant sees none of them', async () => {
    const { subject } = await as(alice, () =>
      service.subjects.createSubject({
        id: 'node-a',
        pack: 'lightning',
        name: 'Alice node',
        labels: { region: 'eu' },
      }),
    );
    expect(subject).toMatchObject({
      id: 'node-a',
      pack: 'lightning',
      snapshotCount: 0,
      metricsObservedAt: '',
    });
    expect(await rejection(as(eve, () => service.subjects.getSubject('node-a')))).toMatchObject({
      code: 'NOT_FOUND',
      details: { resource: 'subject' },
    });
    expect((await as(eve, () => service.subjects.listSubjects({}))).subjects).toEqual([]);
    // The same id is free in another tenant.
    await as(eve, () =>
      service.subjects.createSubject({ id: 'node-a', pack: 'lightning', name: 'Eve node' }),
    );
    expect((await as(alice, () => service.subjects.getSubject('node-a'))).subject?.name).toBe('Alice node');
  });

  it('refuses a duplicate id, an unknown pack and a malformed id', async () => {
    expect(
      await rejection(
        as(alice, () => service.subjects.createSubject({ id: 'node-a', pack: 'lightning', name: 'x' })),
      ),
    ).toMatchObject({ code: 'CONFLICT' });
    expect(
      await rejection(as(alice, () => service.subjects.createSubject({ pack: 'bitcoin', name: 'x' }))),
    ).toMatchObject({
      code: 'INVALID_ARGUMENT',
      details: { fields: [expect.objectContaining({ field: 'pack' })] },
    });
    expect(
      await rejection(
        as(alice, () => service.subjects.createSubject({ id: 'bad id!', pack: 'lightning', name: 'x' })),
      ),
    ).toMatchObject({
      code: 'INVALID_ARGUMENT',
      details: { fields: [expect.objectContaining({ field: 'id' })] },
    });
  });

  it('stores metric snapshots and answers the latest with the subject', async () => {
    await as(alice, () =>
      service.subjects.putMetrics({
        subjectId: 'node-a',
        snapshot: snapshot('2026-02-20T00:00:00Z', 1_000, 0.8),
      }),
    );
    const { subject } = await as(alice, () =>
      service.subjects.putMetrics({
        subjectId: 'node-a',
        snapshot: snapshot('2026-02-10T00:00:00Z', 900, 0.7),
      }),
    );
    expect(subject).toMatchObject({ snapshotCount: 2, metricsObservedAt: '2026-02-20T00:00:00.000Z' });
    const read = await as(alice, () => service.subjects.getSubject('node-a'));
    expect(read.latest?.metrics.routing_revenue_sat_30d).toBe(1_000);
    expect(read.latest?.collections[0]?.items[0]).toMatchObject({ id: 'chan-1', metrics: { fee_ppm: 120 } });
    // An empty observed_at is now, by the service clock.
    await as(eve, () =>
      service.subjects.putMetrics({ subjectId: 'node-a', snapshot: { metrics: { channels: 1 } } }),
    );
    expect((await as(eve, () => service.subjects.getSubject('node-a'))).latest?.observedAt).toBe(
      '2026-03-01T00:00:00.000Z',
    );
  });

  it('refuses snapshots of an unknown subject, with NaN, unknown metrics or a bad time', async () => {
    expect(
      await rejection(
        as(alice, () => service.subjects.putMetrics({ subjectId: 'nope', snapshot: snapshot('', 1, 1) })),
      ),
    ).toMatchObject({ code: 'NOT_FOUND' });
    // eve has a node-a of her own: her snapshot goes there, not to alice's.
    const eves = await as(eve, () =>
      service.subjects.putMetrics({ subjectId: 'node-a', snapshot: snapshot('2026-01-01T00:00:00Z', 1, 1) }),
    );
    expect(eves.subject?.name).toBe('Eve node');
    const nan = await rejection(
      as(alice, () =>
        service.subjects.putMetrics({
          subjectId: 'node-a',
          snapshot: { metrics: { routing_revenue_sat_30d: NaN } },
        }),
      ),
    );
    expect(nan).toMatchObject({
      code: 'INVALID_ARGUMENT',
      details: { fields: [{ field: 'subject.routing_revenue_sat_30d', message: 'must be a finite number' }] },
    });
    // A channel metric given as the node's, and a collection the pack does not have.
    const wrong = await rejection(
      as(alice, () =>
        service.subjects.putMetrics({
          subjectId: 'node-a',
          snapshot: { metrics: { local_ratio: 0.5 }, collections: [{ scope: 'peer', items: [] }] },
        }),
      ),
    );
    expect(wrong).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect((wrong.details?.fields as Array<{ field: string }>).map((f) => f.field)).toEqual([
      'subject.local_ratio',
      'collections.peer',
    ]);
    // A name outside ASCII gets its error back as it was written (status.ts escapes the details).
    const accented = await rejection(
      as(alice, () =>
        service.subjects.putMetrics({ subjectId: 'node-a', snapshot: { metrics: { 'r\u00e9seau': 1 } } }),
      ),
    );
    expect(accented).toMatchObject({
      code: 'INVALID_ARGUMENT',
      details: { fields: [{ field: 'subject.r\u00e9seau', message: 'unknown metric' }] },
    });
    expect(
      await rejection(
        as(alice, () =>
          service.subjects.putMetrics({
            subjectId: 'node-a',
            snapshot: { observedAt: 'yesterday', metrics: {} },
          }),
        ),
      ),
    ).toMatchObject({ code: 'INVALID_ARGUMENT', details: { fields: [{ field: 'snapshot.observed_at' }] } });
  });

  it('records generated recommendations once, and keeps them to the tenant', async () => {
    const first = await as({ tenant: 'acme' }, () =>
      service.feedback.recordGenerated({
        recommendations: [recommendation('rec-1', 'node-a', []), recommendation('rec-2', 'node-a', [])],
      }),
    );
    expect(first.recorded).toBe(2);
    const again = await as({ tenant: 'acme' }, () =>
      service.feedback.recordGenerated({ recommendations: [recommendation('rec-1', 'node-a', [])] }),
    );
    expect(again.recorded).toBe(0);
    const { record } = await as(alice, () => service.feedback.getRecommendation('rec-1'));
    expect(record).toMatchObject({
      stage: 'STAGE_GENERATED',
      recommendation: { subjectId: 'node-a', effects: { risk: 0.2, steps: 1 }, weightsVersion: 'seed-1' },
      history: [{ stage: 'STAGE_GENERATED', actor: 'gateway' }],
    });
    expect(await rejection(as(eve, () => service.feedback.getRecommendation('rec-1')))).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(
      await rejection(as(eve, () => service.feedback.transition({ id: 'rec-1', to: 'STAGE_APPLIED' }))),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(
      await rejection(
        as(alice, () =>
          service.feedback.recordGenerated({ recommendations: [recommendation('rec-x', 'ghost', [])] }),
        ),
      ),
    ).toMatchObject({ code: 'NOT_FOUND', details: { resource: 'subject' } });
  });

  it('moves through the lifecycle with who and when, and refuses what it forbids', async () => {
    const shown = await as(alice, () => service.feedback.transition({ id: 'rec-2', to: 'STAGE_SHOWN' }));
    expect(shown.record?.history.at(-1)).toMatchObject({ stage: 'STAGE_SHOWN', actor: 'alice' });
    const dismissed = await as(alice, () =>
      service.feedback.transition({ id: 'rec-2', to: 'STAGE_DISMISSED', note: 'too risky' }),
    );
    expect(dismissed.record?.stage).toBe('STAGE_DISMISSED');
    // Repeating the current stage is a no-op.
    const repeat = await as(alice, () => service.feedback.transition({ id: 'rec-2', to: 'STAGE_DISMISSED' }));
    expect(repeat.record?.history).toHaveLength(3);
    const measuringDismissed = await rejection(
      as(alice, () => service.feedback.transition({ id: 'rec-2', to: 'STAGE_MEASURED' })),
    );
    expect(measuringDismissed).toMatchObject({
      code: 'FAILED_PRECONDITION',
      details: { from: 'dismissed', to: 'measured' },
    });
    expect(
      await rejection(as(alice, () => service.feedback.transition({ id: 'rec-2', to: 'STAGE_APPLIED' }))),
    ).toMatchObject({ code: 'FAILED_PRECONDITION', details: { from: 'dismissed', to: 'applied' } });
    expect(
      await rejection(as(alice, () => service.feedback.transition({ id: 'rec-2', to: 'STAGE_GENERATED' }))),
    ).toMatchObject({ code: 'INVALID_ARGUMENT' });
    await waitFor(async () => eventsOn(topology.subjects.recommendationsStage).length >= 2);
    expect(
      eventsOn(topology.subjects.recommendationsStage).map((e) => [e.tenant, e.data.stage, e.data.actor]),
    ).toEqual([
      ['acme', 'STAGE_SHOWN', 'alice'],
      ['acme', 'STAGE_DISMISSED', 'alice'],
    ]);
  });

  it('measures an applied recommendation once its time has come on the fake clock', async () => {
    const applied = await as(alice, () => service.feedback.transition({ id: 'rec-1', to: 'STAGE_APPLIED' }));
    expect(applied.record?.measureDueAt).toBe(new Date(clock.now() + 7 * DAY).toISOString());
    expect(
      await rejection(as(alice, () => service.feedback.transition({ id: 'rec-1', to: 'STAGE_MEASURED' }))),
    ).toMatchObject({ code: 'FAILED_PRECONDITION' });
    clock.advance(3 * DAY);
    await as(alice, () =>
      service.subjects.putMetrics({
        subjectId: 'node-a',
        snapshot: { ...snapshot('', 1_300, 0.88), observedAt: '' },
      }),
    );
    expect(await service.composed.measureDueNow()).toMatchObject({ measured: 0 });
    clock.advance(4 * DAY);
    expect(await service.composed.measureDueNow()).toMatchObject({ measured: 1 });
    const { record } = await as(alice, () => service.feedback.getRecommendation('rec-1'));
    expect(record?.stage).toBe('STAGE_MEASURED');
    expect(record?.outcome?.changes['node.routing_revenue_sat_30d']).toBeCloseTo(0.3, 9);
    expect(record?.outcome?.effectiveness).toBeCloseTo(0.5 + 0.5 * (0.6 * 0.3 + 0.4 * 0.1), 9);
    expect(record?.history.at(-1)).toMatchObject({ stage: 'STAGE_MEASURED', actor: 'feedback' });
    await waitFor(async () =>
      eventsOn(topology.subjects.recommendationsStage).some((e) => e.data.stage === 'STAGE_MEASURED'),
    );
    const measured = eventsOn(topology.subjects.recommendationsStage).find(
      (e) => e.data.stage === 'STAGE_MEASURED',
    );
    expect(measured?.data).toMatchObject({ id: 'rec-1', outcome: { measurable: true } });
  });

  it('answers stats per category and overall, in the caller tenant', async () => {
    const stats = await as(alice, () => service.feedback.getStats({}));
    expect(stats.overall).toMatchObject({ generated: 2, shown: 1, applied: 1, dismissed: 1, measured: 1 });
    expect(stats.overall?.acceptanceRate).toBeCloseTo(0.5);
    expect(stats.overall?.successRate).toBe(1);
    expect(stats.topEffective.map((r) => r.recommendation?.id)).toEqual(['rec-1']);
    expect((await as(eve, () => service.feedback.getStats({}))).overall).toMatchObject({ generated: 0 });
  });

  it('fits weights from measured outcomes, publishes them, and rolls back', async () => {
    const seed = await service.weights.getActiveWeights();
    expect(seed.weights).toMatchObject({ version: 'seed-1', origin: 'seed', active: true });
    expect(await rejection(service.weights.fitWeights())).toMatchObject({
      code: 'FAILED_PRECONDITION',
      details: { outcomes: 1, minimum: MIN_OUTCOMES },
    });
    // Outcomes where ease_of_implementation (the 2nd factor) drives the revenue gain.
    const ids: string[] = [];
    for (let i = 0; i < MIN_OUTCOMES + 2; i++) {
      const ease = (i % 4) / 3;
      ids.push(`learn-${i}`);
      await as(alice, () =>
        service.feedback.recordGenerated({
          recommendations: [
            recommendation(`learn-${i}`, 'node-a', [0.5, ease, 0.5, 0.5, 0.5, 0.5], 'liquidity'),
          ],
        }),
      );
    }
    for (const [i, id] of ids.entries()) {
      await as(alice, () => service.feedback.transition({ id, to: 'STAGE_APPLIED' }));
      clock.advance(60_000);
      const ease = (i % 4) / 3;
      await as(alice, () =>
        service.subjects.putMetrics({
          subjectId: 'node-a',
          snapshot: { ...snapshot('', 1_000, 0.8), observedAt: '' },
        }),
      );
      clock.advance(60_000);
      await as(alice, () =>
        service.subjects.putMetrics({
          subjectId: 'node-a',
          snapshot: { ...snapshot('', 1_000 * (1 + 0.5 * ease), 0.8), observedAt: '' },
        }),
      );
      clock.advance(7 * DAY);
      await service.composed.measureDueNow();
    }
    const fit = await service.weights.fitWeights();
    expect(fit.changed).toBe(true);
    expect(fit.weights).toMatchObject({
      version: 'fit-2',
      origin: 'fit',
      active: true,
      fit: { baseVersion: 'seed-1', outcomes: MIN_OUTCOMES + 3 },
    });
    const fitted = Object.fromEntries((fit.weights?.factors ?? []).map((f) => [f.name, f.weight]));
    expect(fitted.ease_of_implementation).toBeGreaterThan(SEED_WEIGHTS.factors.ease_of_implementation);
    expect(Object.values(fitted).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(fit.weights?.fit?.maxChange).toBeLessThanOrEqual(0.05 + 1e-9);
    expect((await service.weights.getActiveWeights()).weights?.version).toBe('fit-2');

    const rollback = await service.weights.rollbackWeights('seed-1');
    expect(rollback.weights).toMatchObject({
      version: 'rollback-3',
      origin: 'rollback',
      restoredVersion: 'seed-1',
    });
    const restored = Object.fromEntries((rollback.weights?.factors ?? []).map((f) => [f.name, f.weight]));
    expect(restored).toEqual(SEED_WEIGHTS.factors);
    expect((await service.weights.listWeights({})).versions.map((v) => [v.version, v.active])).toEqual([
      ['rollback-3', true],
      ['fit-2', false],
      ['seed-1', false],
    ]);
    expect(await rejection(service.weights.rollbackWeights('fit-99'))).toMatchObject({ code: 'NOT_FOUND' });

    await waitFor(async () => eventsOn(topology.subjects.weightsActivated).length >= 3);
    expect(eventsOn(topology.subjects.weightsActivated).map((e) => e.data.version)).toEqual([
      'seed-1',
      'fit-2',
      'rollback-3',
    ]);
    expect(eventsOn(topology.subjects.weightsActivated)[1]?.data).toMatchObject({
      origin: 'fit',
      factors: expect.arrayContaining([
        { name: 'ease_of_implementation', weight: fitted.ease_of_implementation },
      ]),
    });
  });

  it('records answer feedback, one per user and answer, and publishes it', async () => {
    const first = await as(alice, () =>
      service.feedback.recordAnswerFeedback({ answerId: 'ans-1', rating: 'RATING_UP', kind: 'rag' }),
    );
    expect(first.replaced).toBe(false);
    const second = await as(alice, () =>
      service.feedback.recordAnswerFeedback({
        answerId: 'ans-1',
        rating: 'RATING_DOWN',
        comment: 'wrong',
        kind: 'rag',
      }),
    );
    expect(second).toMatchObject({ id: first.id, replaced: true });
    await as({ tenant: 'acme', user: 'bob' }, () =>
      service.feedback.recordAnswerFeedback({
        answerId: 'ans-1',
        rating: 'RATING_DOWN',
        kind: 'chat',
        sessionId: 's1',
      }),
    );
    const stats = await as(alice, () => service.feedback.getStats({}));
    expect([stats.answerFeedbackUp, stats.answerFeedbackDown]).toEqual([0, 2]);
    expect(
      await rejection(
        as(alice, () => service.feedback.recordAnswerFeedback({ answerId: 'ans-2', kind: 'rag' })),
      ),
    ).toMatchObject({ code: 'INVALID_ARGUMENT', details: { fields: [{ field: 'rating' }] } });
    expect(
      await rejection(
        as(alice, () =>
          service.feedback.recordAnswerFeedback({
            answerId: 'ans-2',
            rating: 'RATING_UP',
            comment: 'x'.repeat(2_001),
          }),
        ),
      ),
    ).toMatchObject({ code: 'INVALID_ARGUMENT', details: { fields: [{ field: 'comment' }] } });
    expect(
      await rejection(
        as(alice, () =>
          service.feedback.recordAnswerFeedback({ answerId: 'ans-2', rating: 'RATING_UP', kind: 'mail' }),
        ),
      ),
    ).toMatchObject({ code: 'INVALID_ARGUMENT', details: { fields: [{ field: 'kind' }] } });
    await waitFor(async () => eventsOn(topology.subjects.answerFeedback).length >= 3);
    expect(
      eventsOn(topology.subjects.answerFeedback).map((e) => [e.tenant, e.data.user, e.data.rating]),
    ).toEqual([
      ['acme', 'alice', 'up'],
      ['acme', 'alice', 'down'],
      ['acme', 'bob', 'down'],
    ]);
  });
  it('counts transitions, measurements, fits and ratings on /metrics', async () => {
    const text = await (await fetch(`http://127.0.0.1:${service.hosted.opsPort}/metrics`)).text();
    // A series by name and labels, whatever default labels (service) the registry adds.
    const value = (name: string, labels: string) =>
      Number(
        text
          .split('\n')
          .find((line) => line.startsWith(`${name}{${labels}`))
          ?.split(' ')
          .at(-1),
      );
    expect(value('ragfleet_feedback_transitions_total', 'to="dismissed"')).toBe(1);
    expect(value('ragfleet_feedback_transitions_total', 'to="applied"')).toBe(MIN_OUTCOMES + 3);
    expect(value('ragfleet_feedback_measurements_total', 'outcome="measured"')).toBe(MIN_OUTCOMES + 3);
    expect(value('ragfleet_feedback_fits_total', 'outcome="activated"')).toBe(1);
    expect(value('ragfleet_feedback_fits_total', 'outcome="too_few"')).toBe(1);
    expect(value('ragfleet_feedback_weights_version_info', 'version="rollback-3",origin="rollback"')).toBe(1);
    expect(value('ragfleet_feedback_answer_feedback_total', 'rating="down",replaced="true"')).toBe(1);
  });
});
