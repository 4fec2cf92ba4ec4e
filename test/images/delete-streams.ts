import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';

/*
 * Deletes every JetStream stream of one NATS namespace (RAGFLEET_<NAME>_<namespace>: ingest,
 * events, corpus, and whatever a service adds later), which scripts/images.sh stop would leave
 * behind otherwise: node test/images/delete-streams.ts <namespace>, against NATS_URL.
 */
const namespace = process.argv[2];
if (!namespace || !/^[A-Za-z0-9_]+$/.test(namespace)) {
  console.error('usage: node test/images/delete-streams.ts <namespace>');
  process.exit(2);
}
const connection = await connect({ servers: process.env.NATS_URL ?? 'nats://127.0.0.1:4222' });
try {
  const manager = await jetstreamManager(connection);
  const ours = [];
  for await (const name of manager.streams.names()) {
    if (name.startsWith('RAGFLEET_') && name.endsWith(`_${namespace}`)) ours.push(name);
  }
  for (const name of ours) await manager.streams.delete(name);
  console.log(`deleted ${ours.length} stream(s) of namespace ${namespace}`);
} finally {
  await connection.close();
}
