import type { EventBus, StreamSpec } from './event-bus.ts';
import type { RedeliveryPolicy } from './delivery-policy.ts';
import type { EventLogger } from './event-logger.ts';
import { InMemoryEventBus } from './in-memory-event-bus.ts';
import { NatsEventBus } from './nats-event-bus.ts';

export interface ConnectEventBusOptions {
  /** NATS_URL: JetStream when set, the in-process bus otherwise. */
  natsUrl?: string;
  streams: StreamSpec[];
  logger: EventLogger;
  /** Connection name shown by the NATS server (e.g. the service name). */
  name?: string;
  redelivery?: Partial<RedeliveryPolicy>;
  /** Wait between two reconnect attempts; the bus reconnects without a limit. */
  reconnectWaitMs?: number;
}

/** The bus a service's composition root uses: NATS JetStream with streams ensured, or in-process. */
export async function connectEventBus(options: ConnectEventBusOptions): Promise<EventBus> {
  const { natsUrl, streams, logger, name, redelivery, reconnectWaitMs } = options;
  if (!natsUrl) {
    logger.info({ streams: streams.map((s) => s.name) }, 'event bus: in-process (NATS_URL not set)');
    return new InMemoryEventBus({ streams, logger, redelivery });
  }
  const bus = await NatsEventBus.connect({
    url: natsUrl,
    name,
    streams,
    logger,
    redelivery,
    reconnectWaitMs,
  });
  try {
    await bus.ensureStreams();
  } catch (error) {
    await bus.close().catch(() => undefined);
    throw error;
  }
  logger.info({ streams: streams.map((s) => s.name) }, 'event bus: NATS JetStream');
  return bus;
}
