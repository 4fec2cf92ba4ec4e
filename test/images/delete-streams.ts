import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';

/*
 * Deletes the JetStream streams of one NATS namespace (what scripts/images.sh stop leaves behind
 * otherwise): node test/images/delete-streams.ts <namespace>, against NATS_URL.
 */
const namespace = process.argv[2];
if (!namespace || !/^[A-Za-z0-9_]+$/.test(namespace)) {
  console.error('usage: node test/images/delete-streams.ts <namespace>');
  process.exit(2);
}
const connection = await connect({ servers: process.env.NATS_URL ?? 'nats://127.0.0.1:4222' });
const manager = await jetstreamManager(connection);
for (const name of [`RAGFLEET_INGEST_${namespace}`, `RAGFLEET_EVENTS_${namespace}`]) {
  await manager.streams.delete(name).catch(() => false);
}
await connection.close();
