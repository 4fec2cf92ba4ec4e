import { describe, expect, it } from '@jest/globals';
import { runOpenLoop } from '../../loadtest/drivers/open-loop.ts';
import { MetricSet } from '../../loadtest/metrics.ts';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('runOpenLoop', () => {
  it('starts iterations on schedule whether or not earlier ones finished', async () => {
    const metrics = new MetricSet();
    const startedAt: number[] = [];
    const begun = performance.now();
    const outcome = await runOpenLoop({ rate: 20, duration: 0.5, maxInFlight: 100 }, metrics, async () => {
      startedAt.push(performance.now() - begun);
      await sleep(200); // four times the interval: a closed loop would fall behind
    });
    expect(outcome).toMatchObject({ sent: 10, dropped: 0 });
    expect(startedAt[9]!).toBeGreaterThanOrEqual(440); // 9 × 50 ms, less a timer's early millisecond;
    expect(startedAt[9]!).toBeLessThan(650);
    expect(metrics.metrics.get('dropped_iterations')?.samples).toEqual([0]);
  });

  it('drops, and counts, an iteration that would exceed maxInFlight', async () => {
    const metrics = new MetricSet();
    const outcome = await runOpenLoop({ rate: 20, duration: 0.5, maxInFlight: 2 }, metrics, () =>
      sleep(1_000),
    );
    expect(outcome.sent).toBe(2);
    expect(outcome.dropped).toBe(8);
    const dropped = metrics.metrics.get('dropped_iterations')!.samples.reduce((a, b) => a + b, 0);
    expect(dropped).toBe(8);
  });

  it('aborts what is still running after the grace period, so a run is bounded in time', async () => {
    const metrics = new MetricSet();
    const begun = performance.now();
    let aborted = 0;
    await runOpenLoop(
      { rate: 10, duration: 0.2, maxInFlight: 10 },
      metrics,
      (_index, signal) =>
        new Promise<void>((resolve) =>
          signal.addEventListener('abort', () => {
            aborted++;
            resolve();
          }),
        ),
      300,
    );
    expect(aborted).toBe(2);
    expect(performance.now() - begun).toBeLessThan(2_000);
  });
});
