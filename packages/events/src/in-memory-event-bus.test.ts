import { describe, expect, it } from '@jest/globals';
import type { EventEnvelope, StreamSpec } from './event-bus.ts';
import { createEvent } from './envelope.ts';
import { InMemoryEventBus } from './in-memory-event-bus.ts';
import { MemoryStream } from './in-memory-stream.ts';
import type { Timers } from './timers.ts';

/** A clock that moves only when the test says so. */
function manualTimers(): Timers & { advance(ms: number): Promise<void>; pending(): number } {
  let now = 0;
  let timers: { at: number; callback: () => void; handle: number }[] = [];
  let nextHandle = 1;
  const flush = () => new Promise<void>((resolve) => setImmediate(resolve));
  return {
    now: () => now,
    setTimeout(callback, ms) {
      const handle = nextHandle++;
      timers.push({ at: now + ms, callback, handle });
      return handle;
    },
    clearTimeout(handle) {
      timers = timers.filter((timer) => timer.handle !== handle);
    },
    pending: () => timers.length,
    async advance(ms) {
      await flush();
      now += ms;
      const due = timers.filter((timer) => timer.at <= now);
      timers = timers.filter((timer) => timer.at > now);
      for (const timer of due) timer.callback();
      await flush();
    },
  };
}

const silent = { info: () => {}, warn: () => {}, error: () => {} };
const jobs: StreamSpec = {
  name: 'JOBS',
  subjects: ['jobs.>'],
  retention: 'workqueue',
  duplicateWindowMs: 1000,
};
const event = (id?: string) => createEvent({ type: 't', source: 's', tenant: 'x', data: {}, id });

describe('InMemoryEventBus', () => {
  it('waits base * 2^(attempt-1) between attempts', async () => {
    const timers = manualTimers();
    const bus = new InMemoryEventBus({
      streams: [jobs],
      logger: silent,
      timers,
      redelivery: { baseDelayMs: 100, maxDelayMs: 10_000 },
    });
    const attemptsAt: [number, number][] = [];
    await bus.subscribe('jobs.a', { durable: 'a', maxAttempts: 4 }, async (_e, delivery) => {
      attemptsAt.push([delivery.attempt, timers.now()]);
      throw new Error('fails');
    });

    await bus.publish('jobs.a', event());
    for (let i = 0; i < 30; i++) await timers.advance(50);

    expect(attemptsAt).toEqual([
      [1, 0],
      [2, 100],
      [3, 300],
      [4, 700],
    ]);
    expect(timers.pending()).toBe(0);
    await bus.close();
  });

  it('forgets an id once the duplicate window has passed', async () => {
    const timers = manualTimers();
    const bus = new InMemoryEventBus({ streams: [jobs], logger: silent, timers });

    expect(await bus.publish('jobs.a', event('same'))).toEqual({ duplicate: false });
    await timers.advance(999);
    expect(await bus.publish('jobs.a', event('same'))).toEqual({ duplicate: true });
    await timers.advance(2);
    expect(await bus.publish('jobs.a', event('same'))).toEqual({ duplicate: false });
  });

  it('refuses a second durable on an overlapping workqueue subject', async () => {
    const bus = new InMemoryEventBus({ streams: [jobs], logger: silent });
    await bus.subscribe('jobs.>', { durable: 'all' }, async () => {});

    await expect(bus.subscribe('jobs.a', { durable: 'other' }, async () => {})).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    await bus.close();
  });

  it('runs at most `concurrency` handlers at once', async () => {
    const bus = new InMemoryEventBus({ streams: [jobs], logger: silent });
    let running = 0;
    let peak = 0;
    const done: string[] = [];
    await bus.subscribe('jobs.a', { durable: 'a', concurrency: 3 }, async (e: EventEnvelope<unknown>) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
      done.push(e.id);
    });

    for (let i = 0; i < 10; i++) await bus.publish('jobs.a', event());
    while (done.length < 10) await new Promise((resolve) => setTimeout(resolve, 5));

    expect(peak).toBe(3);
    await bus.close();
  });
});

describe('MemoryStream', () => {
  const timers = manualTimers();
  const message = { subject: 'jobs.a', payload: '{}', headers: {} };

  it('removes a settled workqueue message but keeps a limits one', () => {
    const workqueue = new MemoryStream(jobs, timers, 100);
    const limits = new MemoryStream({ ...jobs, retention: 'limits' }, timers, 100);
    workqueue.append('1', message);
    limits.append('1', message);

    workqueue.settled(1);
    limits.settled(1);

    expect(workqueue.size).toBe(0);
    expect(limits.size).toBe(1);
  });

  it('drops the oldest messages beyond its size cap', () => {
    const stream = new MemoryStream({ ...jobs, retention: 'limits' }, timers, 2);
    for (const id of ['1', '2', '3']) stream.append(id, message);

    expect(stream.size).toBe(2);
    expect(stream.get(1)).toBeUndefined();
    expect(stream.get(3)).toBeDefined();
  });
});
