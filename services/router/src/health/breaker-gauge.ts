import { Gauge, type Registry } from '@ragfleet/telemetry';
import type { BreakerStates } from './breaker-states.ts';

/** ragfleet_router_provider_breaker_open{provider}: 1 while the router skips the provider. */
export function breakerGauge(registry: Registry, states: BreakerStates): void {
  new Gauge({
    name: 'ragfleet_router_provider_breaker_open',
    help: 'Whether a provider counts as open (1) for routing: a generate replica reported its breaker open within BREAKER_STATE_TTL_SECONDS.',
    labelNames: ['provider'],
    registers: [registry],
    collect() {
      for (const { provider, open } of states.snapshot()) this.set({ provider }, open ? 1 : 0);
    },
  });
}
