import { afterAll, describe, expect, it } from '@jest/globals';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { connectEventBus, createEvent, NatsEventBus, type StreamSpec } from '@ragfleet/events';
import { freePort, uniqueSuffix } from '@ragfleet/testing';

const natsUrl = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const logger = { info: () => {}, warn: () => {}, error: () => {} };
const suffix = uniqueSuffix();
const spec: StreamSpec = {
  name: `CONNECT_${suffix}`,
  subjects: [`connect.${suffix}.>`],
  retention: 'workqueue',
  duplicateWindowMs: 5_000,
};

describe('connectEventBus against NATS', () => {
  afterAll(async () => {
    const connection = await connect({ servers: natsUrl });
    await (await jetstreamManager(connection)).streams.delete(spec.name).catch(() => false);
    await connection.close();
  });

  it('creates the streams as specified, and is idempotent on a second start', async () => {
    const first = await connectEventBus({ natsUrl, streams: [spec], logger, name: 'connect-test' });
    const second = await connectEventBus({ natsUrl, streams: [spec], logger, name: 'connect-test' });
    expect(first).toBeInstanceOf(NatsEventBus);
    await second.publish(
      `connect.${suffix}.job`,
      createEvent({ type: 't', source: 's', tenant: 'x', data: {} }),
    );

    const connection = await connect({ servers: natsUrl });
    const info = await (await jetstreamManager(connection)).streams.info(spec.name);
    await connection.close();
    await Promise.all([first.close(), second.close()]);

    expect(info.config).toMatchObject({
      retention: 'workqueue',
      subjects: spec.subjects,
      duplicate_window: 5e9,
    });
    expect(info.state.messages).toBe(1);
  });

  it('fails fast with SERVICE_UNAVAILABLE when NATS cannot be reached', async () => {
    const port = await freePort();

    const connecting = connectEventBus({ natsUrl: `nats://127.0.0.1:${port}`, streams: [spec], logger });

    await expect(connecting).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
  });
});
