import { PROVIDERS, type ProviderName } from '../domain/catalog.ts';
import type { ProviderHealth } from '../domain/ports.ts';

export const BREAKER_STATES = ['closed', 'half-open', 'open'] as const;
export type BreakerState = (typeof BREAKER_STATES)[number];

/** One generate replica's report of one provider's breaker (subjects.providerHealth). */
export interface ProviderHealthReport {
  provider: ProviderName;
  state: BreakerState;
  replica: string;
  /** Epoch ms the replica's breaker took this state. */
  at: number;
}

/**
 * The latest breaker state of each provider in each generate replica, fed by health events.
 * Per replica, the report with the latest `at` wins (events may arrive out of order). A provider
 * is open when any replica's latest report is `open` and younger than the TTL: one replica's
 * failures are reason enough to skip, and a report from a replica that died while open stops
 * counting after the TTL. Half-open is not open: generate lets its trial requests through.
 */
export class BreakerStates implements ProviderHealth {
  readonly #ttlMs: number;
  readonly #now: () => number;
  readonly #latest = new Map<ProviderName, Map<string, ProviderHealthReport>>();

  constructor(options: { ttlMs: number; now?: () => number }) {
    this.#ttlMs = options.ttlMs;
    this.#now = options.now ?? Date.now;
  }

  /** False when an as recent or later report of that replica is already known. */
  record(report: ProviderHealthReport): boolean {
    let replicas = this.#latest.get(report.provider);
    if (replicas === undefined) {
      replicas = new Map();
      this.#latest.set(report.provider, replicas);
    }
    const known = replicas.get(report.replica);
    if (known !== undefined && known.at >= report.at) return false;
    replicas.set(report.replica, report);
    return true;
  }

  isOpen(provider: ProviderName): boolean {
    const replicas = this.#latest.get(provider);
    if (replicas === undefined) return false;
    const since = this.#now() - this.#ttlMs;
    for (const [replica, report] of replicas) {
      if (report.at < since)
        replicas.delete(replica); // older than the TTL: forgotten
      else if (report.state === 'open') return true;
    }
    return false;
  }

  /** Every known provider with 1 (open) or 0, for the gauge. */
  snapshot(): Array<{ provider: ProviderName; open: boolean }> {
    return PROVIDERS.map((provider) => ({ provider, open: this.isOpen(provider) }));
  }
}
