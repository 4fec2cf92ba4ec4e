import { counter, gauge, type Registry } from '@ragfleet/telemetry';
import type { BreakerState, GuardObserver } from './domain/provider-guard.ts';

/** Ordered by severity, so that max() over replicas shows the worst. */
const STATE_VALUES: Record<BreakerState, number> = { closed: 0, half_open: 1, open: 2 };

/** The provider guard's metrics: each provider's circuit, how often it opened, and retries. */
export function prometheusGuardObserver(registry: Registry): GuardObserver {
  const state = gauge(
    registry,
    'ragfleet_generate_breaker_state',
    "A provider's circuit breaker: 0 closed, 1 half-open (one trial call), 2 open (provider skipped).",
    ['provider'],
  );
  const opened = counter(
    registry,
    'ragfleet_generate_breaker_opened_total',
    "Times a provider's circuit opened (a circuit open between two scrapes still counts).",
    ['provider'],
  );
  const retries = counter(
    registry,
    'ragfleet_generate_provider_retries_total',
    "Attempts at opening a provider's stream again after a transient failure, by provider.",
    ['provider'],
  );
  return {
    breakerState(provider, next) {
      state.set({ provider }, STATE_VALUES[next]);
      if (next === 'open') opened.inc({ provider });
    },
    retried(provider) {
      retries.inc({ provider });
    },
  };
}
