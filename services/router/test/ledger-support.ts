import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import type { CallContext } from '@ragfleet/grpc';

export const natsUrl = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';

export const silentLogger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  debug: () => undefined,
};

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

/** The only part of a call's context GetUsage reads: whose tenant it is. */
export function callFor(tenant: string): CallContext {
  return { tenant, requestId: 'test', signal: new AbortController().signal } as CallContext;
}
