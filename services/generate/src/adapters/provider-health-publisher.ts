import { createEvent, type EventBus } from '@ragfleet/events';
import type { BreakerState, GuardObserver } from '../domain/provider-guard.ts';

export const PROVIDER_HEALTH_TYPE = 'generate.provider.health';

/** The data of a provider health event, as the router reads it to skip an open provider. */
export interface ProviderHealth {
  provider: string;
  state: 'closed' | 'half-open' | 'open';
  /** Which generate replica saw it: breakers are per process. */
  replica: string;
  /** RFC 3339. */
  at: string;
}

const WIRE_STATES: Record<BreakerState, ProviderHealth['state']> = {
  closed: 'closed',
  half_open: 'half-open',
  open: 'open',
};

interface PublisherLogger {
  warn(fields: object, message: string): void;
}

/**
 * Publishes every breaker state change on the provider health subject (JSON {provider, state,
 * replica, at}), the first `closed` of each provider included so a reader starts from a known
 * state. A failed publish is logged, never thrown: it must not fail the call that tripped it.
 */
export function providerHealthPublisher(
  bus: EventBus,
  subject: string,
  replica: string,
  logger: PublisherLogger,
  now: () => Date = () => new Date(),
): GuardObserver {
  return {
    breakerState(provider, state) {
      const data: ProviderHealth = { provider, state: WIRE_STATES[state], replica, at: now().toISOString() };
      const envelope = createEvent({ type: PROVIDER_HEALTH_TYPE, source: 'generate', tenant: '', data });
      bus.publish(subject, envelope).catch((error: unknown) => {
        logger.warn({ err: String(error), provider, state }, 'could not publish provider health');
      });
    },
    retried() {},
  };
}

/** Several observers told of the same events, in order (the gauge, then the health subject). */
export function allObservers(...observers: GuardObserver[]): GuardObserver {
  return {
    breakerState(provider, state) {
      for (const observer of observers) observer.breakerState(provider, state);
    },
    retried(provider) {
      for (const observer of observers) observer.retried(provider);
    },
  };
}
