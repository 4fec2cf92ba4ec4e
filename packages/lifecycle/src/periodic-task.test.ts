import { describe, expect, it } from '@jest/globals';
import { startPeriodicTask } from './periodic-task.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('startPeriodicTask', () => {
  it('runs again and again, never two runs at once, and stop waits for the run in progress', async () => {
    let running = 0;
    let most = 0;
    let runs = 0;
    const task = startPeriodicTask(
      'slow',
      5,
      async () => {
        running += 1;
        most = Math.max(most, running);
        await sleep(20);
        running -= 1;
        runs += 1;
      },
      { warn: () => {} },
    );
    await sleep(120);
    await task.stop();
    const stoppedAt = runs;
    expect(running).toBe(0);
    expect(most).toBe(1);
    expect(runs).toBeGreaterThanOrEqual(2);
    await sleep(40);
    expect(runs).toBe(stoppedAt);
  });

  it('logs a failed run and keeps its schedule', async () => {
    const warnings: string[] = [];
    let calls = 0;
    const task = startPeriodicTask(
      'flaky',
      5,
      async () => {
        calls += 1;
        if (calls === 1) throw new Error('boom');
      },
      { warn: (_fields, message) => warnings.push(message ?? '') },
    );
    await sleep(60);
    await task.stop();
    expect(warnings).toEqual(['flaky failed']);
    expect(calls).toBeGreaterThan(2);
  });
});
