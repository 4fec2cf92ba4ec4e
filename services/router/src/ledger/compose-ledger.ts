import { join } from 'node:path';
import { connectEventBus, fleetTopology, type EventBus } from '@ragfleet/events';
import type { ServiceKit } from '@ragfleet/service-host';
import { counter } from '@ragfleet/telemetry';
import { FileLedger } from './file-ledger.ts';
import { getUsageHandler } from './get-usage-handler.ts';
import { LedgerConsumer } from './ledger-consumer.ts';
import type { LedgerConfig } from './ledger-config.ts';
import { MongoLedger } from './mongo-ledger.ts';
import type { UsageLedger } from './usage-ledger.ts';

export interface ComposedLedger {
  ledger: UsageLedger;
  /** RouterService.GetUsage. */
  getUsage: ReturnType<typeof getUsageHandler>;
  /** Stops consuming, closes the bus, then the ledger (so the last acked append is on disk). */
  shutdown(): Promise<void>;
}

/** The durable consumer every router replica shares, per NATS namespace like the fleet's others. */
export function ledgerDurable(namespace: string): string {
  return `router-ledger${namespace ? `_${namespace}` : ''}`;
}

export interface ComposeLedgerOptions {
  /** Tests: a bus of their own (default: NATS_URL's JetStream, or in-process). */
  bus?: EventBus;
}

/**
 * The router's usage ledger: MongoDB when MONGODB_URI is set, else DATA_DIR/router/ledger.jsonl;
 * fed by a durable consumer of generation.completed; read by GetUsage.
 */
export async function composeLedger(
  { logger, registry }: Pick<ServiceKit, 'logger' | 'registry'>,
  config: LedgerConfig,
  options: ComposeLedgerOptions = {},
): Promise<ComposedLedger> {
  const ledger: UsageLedger = config.MONGODB_URI
    ? new MongoLedger(config.MONGODB_URI)
    : new FileLedger(join(config.DATA_DIR, 'router'));
  await ledger.open();
  const topology = fleetTopology(config.NATS_NAMESPACE);
  let bus: EventBus | undefined;
  try {
    bus =
      options.bus ??
      (await connectEventBus({
        natsUrl: config.NATS_URL,
        streams: [topology.streams.events],
        logger,
        name: 'router',
      }));
  } catch (error) {
    await ledger.close();
    throw error;
  }
  const events = counter(
    registry,
    'ragfleet_router_ledger_events_total',
    'generation.completed events the ledger consumed, by outcome (appended, duplicate, dropped).',
    ['outcome'],
  );
  const consumer = new LedgerConsumer({
    bus,
    ledger,
    subject: topology.subjects.generationCompleted,
    durable: ledgerDurable(config.NATS_NAMESPACE),
    logger,
    onAppended: (fresh) => events.inc({ outcome: fresh ? 'appended' : 'duplicate' }),
    onDropped: () => events.inc({ outcome: 'dropped' }),
  });
  const ownBus = options.bus ? undefined : bus;
  try {
    await consumer.start();
  } catch (error) {
    await ownBus?.close().catch(() => undefined);
    await ledger.close();
    throw error;
  }
  logger.info(
    { ledger: config.MONGODB_URI ? 'mongodb' : join(config.DATA_DIR, 'router') },
    'usage ledger consuming generation.completed',
  );
  if (!config.NATS_URL && !options.bus) {
    // generate runs in its own process: on an in-process bus its events never reach this one.
    logger.warn(
      {},
      'usage ledger: NATS_URL is not set, so no generation reaches the ledger (GetUsage answers zeros)',
    );
  }
  return {
    ledger,
    getUsage: getUsageHandler(ledger),
    async shutdown() {
      await consumer.stop();
      await ownBus?.close();
      await ledger.close();
    },
  };
}
