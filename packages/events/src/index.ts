export type {
  Delivery,
  EventBus,
  EventEnvelope,
  EventBusState,
  EventHandler,
  PublishResult,
  StreamSpec,
  SubscribeOptions,
  Subscription,
} from './event-bus.ts';
export { createEvent } from './envelope.ts';
export { connectEventBus, type ConnectEventBusOptions } from './connect.ts';
export { InMemoryEventBus, type InMemoryEventBusOptions } from './in-memory-event-bus.ts';
export { NatsEventBus, type NatsEventBusOptions } from './nats-event-bus.ts';
export type { EventLogger } from './event-logger.ts';
export type { Timers } from './timers.ts';
export {
  DEFAULT_ACK_WAIT_MS,
  DEFAULT_DUPLICATE_WINDOW_MS,
  DEFAULT_MAX_ATTEMPTS,
  DEFAULT_REDELIVERY,
  redeliveryDelayMs,
  type RedeliveryPolicy,
} from './delivery-policy.ts';
export { fleetTopology, type FleetTopology } from './fleet-topology.ts';
