import { counter, gauge, histogram, type Registry } from '@ragfleet/telemetry';
import type { ShadowComparison } from './shadow-comparison.ts';

const RATIO_BUCKETS = [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1, 1.25, 1.5, 2, 4];

/** ragfleet_generate_shadow_*: this replica's shadow runs (the report has the fleet's). */
export class ShadowMetrics {
  readonly #runs;
  readonly #skipped;
  readonly #overlap;
  readonly #lengthRatio;
  readonly #latencyDelta;
  readonly #cost;
  readonly #inFlight;

  constructor(registry: Registry) {
    this.#runs = counter(
      registry,
      'ragfleet_generate_shadow_runs_total',
      'Shadow runs finished, by outcome (ok, error).',
      ['outcome'],
    );
    this.#skipped = counter(
      registry,
      'ragfleet_generate_shadow_skipped_total',
      "Sampled shadow runs not started: budget (the day's shadow budget would be exceeded) or busy (at the concurrency limit).",
      ['reason'],
    );
    this.#overlap = histogram(
      registry,
      'ragfleet_generate_shadow_citation_overlap',
      'Jaccard overlap of the documents the candidate and the primary cited.',
      [],
      RATIO_BUCKETS,
    );
    this.#lengthRatio = histogram(
      registry,
      'ragfleet_generate_shadow_length_ratio',
      "The candidate's answer length over the primary's.",
      [],
      RATIO_BUCKETS,
    );
    this.#latencyDelta = gauge(
      registry,
      'ragfleet_generate_shadow_last_latency_delta_seconds',
      "The last comparison's latency, candidate minus primary (negative: the candidate was faster).",
    );
    this.#cost = counter(
      registry,
      'ragfleet_generate_shadow_cost_usd_total',
      "What shadow runs cost (the shadow budget, never the tenant's).",
    );
    this.#inFlight = gauge(
      registry,
      'ragfleet_generate_shadow_in_flight',
      'Shadow runs under way in this replica.',
    );
  }

  started(): void {
    this.#inFlight.inc();
  }

  ended(costUsd: number): void {
    this.#inFlight.dec();
    if (costUsd > 0) this.#cost.inc(costUsd);
  }

  skipped(reason: 'budget' | 'busy'): void {
    this.#skipped.inc({ reason });
  }

  compared(comparison: ShadowComparison): void {
    this.#runs.inc({ outcome: comparison.shadowError ? 'error' : 'ok' });
    this.#overlap.observe(comparison.citationOverlap);
    this.#lengthRatio.observe(comparison.lengthRatio);
    this.#latencyDelta.set(comparison.latencyMsDelta / 1000);
  }
}
