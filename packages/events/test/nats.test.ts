import { afterAll } from '@jest/globals';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { eventBusContract } from '@ragfleet/events/contract';
import { NatsEventBus } from '@ragfleet/events';

const natsUrl = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const created: string[] = [];

eventBusContract('NATS JetStream', async (streams, logger) => {
  created.push(...streams.map((stream) => stream.name));
  const bus = await NatsEventBus.connect({
    url: natsUrl,
    name: 'events-contract-test',
    streams,
    logger,
    redelivery: { baseDelayMs: 20, maxDelayMs: 100 },
  });
  await bus.ensureStreams();
  return bus;
});

afterAll(async () => {
  const connection = await connect({ servers: natsUrl });
  const jsm = await jetstreamManager(connection);
  await Promise.all(created.map((name) => jsm.streams.delete(name).catch(() => false)));
  await connection.close();
});
