import { describe, expect, it } from '@jest/globals';
import { connectEventBus } from './connect.ts';
import { InMemoryEventBus } from './in-memory-event-bus.ts';

describe('connectEventBus', () => {
  it('runs in-process when no NATS URL is configured', async () => {
    const logger = { info: () => {}, warn: () => {}, error: () => {} };

    const bus = await connectEventBus({ streams: [], logger });

    expect(bus).toBeInstanceOf(InMemoryEventBus);
    await bus.close();
  });
});
