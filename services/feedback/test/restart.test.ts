import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runWithRequestContext } from '@ragfleet/telemetry';
import { uniqueSuffix } from '@ragfleet/testing';
import { FakeClock } from '../src/domain/clock.ts';
import { startRunningFeedback } from './support/running-feedback.ts';

const DAY = 86_400_000;
const alice = { tenant: 'acme', user: 'alice' };
const as = <T>(fn: () => Promise<T>) =>
  runWithRequestContext({ requestId: `req-${uniqueSuffix()}`, ...alice }, fn);

describe('the measurement schedule across restarts of the service (embedded store, same DATA_DIR)', () => {
  let dataDir: string;
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('measures an applied recommendation once: not twice, not never', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'ragfleet-feedback-restart-'));
    const clock = new FakeClock('2026-04-01T00:00:00.000Z');
    const env = { DATA_DIR: dataDir, FEEDBACK_MEASURE_INTERVAL_MS: '3600000' };

    const first = await startRunningFeedback(env, clock);
    await as(() => first.subjects.createSubject({ id: 'node-r', pack: 'lightning', name: 'r' }));
    await as(() =>
      first.subjects.putMetrics({
        subjectId: 'node-r',
        snapshot: { metrics: { routing_revenue_sat_30d: 1_000, forward_success_rate: 0.9 } },
      }),
    );
    await as(() =>
      first.feedback.recordGenerated({
        recommendations: [{ id: 'rec-r', subjectId: 'node-r', category: 'fees', score: 50, factors: [] }],
      }),
    );
    clock.advance(60_000);
    await as(() => first.feedback.transition({ id: 'rec-r', to: 'STAGE_APPLIED' }));
    clock.advance(DAY);
    await as(() =>
      first.subjects.putMetrics({
        subjectId: 'node-r',
        snapshot: { metrics: { routing_revenue_sat_30d: 1_100, forward_success_rate: 0.9 } },
      }),
    );
    await first.stop();

    clock.advance(7 * DAY);
    const second = await startRunningFeedback(env, clock);
    expect(await second.composed.measureDueNow()).toMatchObject({ measured: 1 });
    await second.stop();

    const third = await startRunningFeedback(env, clock);
    expect(await third.composed.measureDueNow()).toMatchObject({ measured: 0, retried: 0, unmeasurable: 0 });
    const { record } = await as(() => third.feedback.getRecommendation('rec-r'));
    expect(record?.stage).toBe('STAGE_MEASURED');
    expect(record?.history.filter((change) => change.stage === 'STAGE_MEASURED')).toHaveLength(1);
    expect(record?.outcome?.effectiveness).toBeCloseTo(0.5 + 0.5 * 0.6 * 0.1, 9);
    // The seed weights were stored once, on the first start.
    expect((await third.weights.listWeights({})).versions.map((v) => v.version)).toEqual(['seed-1']);
    await third.stop();
  });
});
