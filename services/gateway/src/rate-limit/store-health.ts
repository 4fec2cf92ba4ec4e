import { counter, gauge, type Logger, type Registry } from '@ragfleet/telemetry';

/**
 * Whether the shared (Redis) limit store is answering. Every transition is logged once and
 * exported, so an operator sees that limits have become per-process (N replicas admit up to N
 * times the limit) and when they are shared again.
 */
export class StoreHealth {
  readonly #logger: Logger;
  readonly #active: ReturnType<typeof gauge>;
  readonly #switches: ReturnType<typeof counter>;
  #degraded = false;

  constructor(logger: Logger, registry: Registry) {
    this.#logger = logger;
    this.#active = gauge(
      registry,
      'ragfleet_gateway_ratelimit_fallback_active',
      '1 while rate limits run on the per-process fallback because Redis is unreachable, else 0.',
    );
    this.#switches = counter(
      registry,
      'ragfleet_gateway_ratelimit_fallback_switches_total',
      'Times the rate limiter switched from Redis to the per-process fallback.',
    );
    this.#active.set(0);
  }

  get degraded(): boolean {
    return this.#degraded;
  }

  failed(error: unknown): void {
    if (this.#degraded) return;
    this.#degraded = true;
    this.#active.set(1);
    this.#switches.inc();
    this.#logger.warn(
      { err: error instanceof Error ? error.message : String(error) },
      'rate limit store (Redis) unreachable: limits fall back to this process until it returns',
    );
  }

  recovered(): void {
    if (!this.#degraded) return;
    this.#degraded = false;
    this.#active.set(0);
    this.#logger.info('rate limit store (Redis) is back: limits are shared across replicas again');
  }
}
