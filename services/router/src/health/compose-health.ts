import type { Logger, Registry } from '@ragfleet/telemetry';
import { breakerGauge } from './breaker-gauge.ts';
import { BreakerStates } from './breaker-states.ts';
import { HealthSubscription } from './health-subscription.ts';

export interface ComposedHealth {
  states: BreakerStates;
  stop(): Promise<void>;
}

/**
 * Provider health from generate's breaker reports: subscribed on NATS when NATS_URL is set.
 * Without it there is no NATS to carry reports from generate's process, so no breaker ever
 * opens here (generate still skips its own open breakers when it tries a chain).
 */
export async function composeHealth(
  config: { NATS_URL?: string | undefined; BREAKER_STATE_TTL_SECONDS: number },
  options: { logger: Logger; registry: Registry; subject: string; stream: string },
): Promise<ComposedHealth> {
  const states = new BreakerStates({ ttlMs: config.BREAKER_STATE_TTL_SECONDS * 1_000 });
  breakerGauge(options.registry, states);
  if (!config.NATS_URL) {
    options.logger.warn(
      {},
      'provider health: NATS_URL is not set, so no breaker report from generate reaches the router (every provider is routed as closed)',
    );
    return { states, stop: async () => undefined };
  }
  const subscription = new HealthSubscription({
    natsUrl: config.NATS_URL,
    subject: options.subject,
    stream: options.stream,
    ttlMs: config.BREAKER_STATE_TTL_SECONDS * 1_000,
    states,
    logger: options.logger,
  });
  await subscription.start();
  options.logger.info({ subject: options.subject }, 'provider health: following breaker reports');
  return { states, stop: () => subscription.stop() };
}
