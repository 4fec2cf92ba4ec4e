import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';

export const natsUrl = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';

/** Removes the streams a test created, so test runs leave the shared NATS server as they found it. */
export async function deleteStreams(names: string[]): Promise<void> {
  const connection = await connect({ servers: natsUrl });
  try {
    const jsm = await jetstreamManager(connection);
    await Promise.all(names.map((name) => jsm.streams.delete(name).catch(() => false)));
  } finally {
    await connection.close();
  }
}
