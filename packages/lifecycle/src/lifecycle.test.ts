import { describe, expect, it } from '@jest/globals';
import { Lifecycle } from './index.ts';

const silent = { info: () => {}, error: () => {} };

describe('Lifecycle', () => {
  it('turns not-ready, drains, then closes in reverse order', async () => {
    const order: string[] = [];
    const lifecycle = new Lifecycle({ logger: silent, exit: () => {} });
    lifecycle.onShutdown('first', () => {
      order.push('first');
    });
    lifecycle.onShutdown('second', async () => {
      order.push('second');
    });
    lifecycle.onDrain(async () => {
      expect(lifecycle.ready).toBe(false);
      order.push('drain');
    });
    lifecycle.markReady();
    expect(lifecycle.ready).toBe(true);
    await lifecycle.shutdown();
    expect(order).toEqual(['drain', 'second', 'first']);
  });

  it('keeps closing when one hook fails and runs only once', async () => {
    const closed: string[] = [];
    const lifecycle = new Lifecycle({ logger: silent, exit: () => {} });
    lifecycle.onShutdown('a', () => {
      closed.push('a');
    });
    lifecycle.onShutdown('b', () => {
      throw new Error('boom');
    });
    await Promise.all([lifecycle.shutdown(), lifecycle.shutdown()]);
    expect(closed).toEqual(['a']);
  });

  it('does not wait past the drain bound', async () => {
    const lifecycle = new Lifecycle({ logger: silent, drainMs: 20, exit: () => {} });
    lifecycle.onDrain(() => new Promise(() => {}));
    const started = Date.now();
    await lifecycle.shutdown();
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
