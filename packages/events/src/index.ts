export type {
  Delivery,
  EventBus,
  EventEnvelope,
  EventHandler,
  PublishResult,
  StreamSpec,
  SubscribeOptions,
  Subscription,
} from './event-bus.ts';
export { createEvent } from './envelope.ts';
