import type { ShadowComparison } from './shadow-comparison.ts';

/** The sums a report divides into means. */
export interface ShadowTotals {
  runs: number;
  errors: number;
  latencyMsDelta: number;
  costUsdDelta: number;
  lengthRatio: number;
  citationOverlap: number;
  skippedBudget: number;
  skippedBusy: number;
}

/**
 * Where shadow comparisons and the shadow budget are kept: fleet-wide in Redis, or per process.
 * `hold` takes an estimate out of the day's budget atomically and says whether it fit, so two
 * replicas never both spend its last dollars; `adjust` corrects it by what the run really cost.
 */
export interface ShadowStore {
  hold(day: string, usd: number, limitUsd: number): Promise<boolean>;
  adjust(day: string, deltaUsd: number): Promise<void>;
  spent(day: string): Promise<number>;
  record(comparison: ShadowComparison, keepRecent: number): Promise<void>;
  countSkipped(reason: 'budget' | 'busy'): Promise<void>;
  totals(): Promise<ShadowTotals>;
  recent(limit: number): Promise<ShadowComparison[]>;
}

export const emptyTotals = (): ShadowTotals => ({
  runs: 0,
  errors: 0,
  latencyMsDelta: 0,
  costUsdDelta: 0,
  lengthRatio: 0,
  citationOverlap: 0,
  skippedBudget: 0,
  skippedBusy: 0,
});

/** What one comparison adds to the totals. */
export function totalsOf(comparison: ShadowComparison): Partial<ShadowTotals> {
  return {
    runs: 1,
    errors: comparison.shadowError ? 1 : 0,
    latencyMsDelta: comparison.latencyMsDelta,
    costUsdDelta: comparison.costUsdDelta,
    lengthRatio: comparison.lengthRatio,
    citationOverlap: comparison.citationOverlap,
  };
}

/** One process's shadow store: what a replica without REDIS_URL keeps. */
export class MemoryShadowStore implements ShadowStore {
  readonly #spent = new Map<string, number>();
  readonly #totals = emptyTotals();
  #recent: ShadowComparison[] = [];

  async hold(day: string, usd: number, limitUsd: number): Promise<boolean> {
    const spent = this.#spent.get(day) ?? 0;
    if (spent + usd > limitUsd) return false;
    this.#spent.set(day, spent + usd);
    return true;
  }

  async adjust(day: string, deltaUsd: number): Promise<void> {
    this.#spent.set(day, Math.max(0, (this.#spent.get(day) ?? 0) + deltaUsd));
  }

  async spent(day: string): Promise<number> {
    return this.#spent.get(day) ?? 0;
  }

  async record(comparison: ShadowComparison, keepRecent: number): Promise<void> {
    for (const [name, value] of Object.entries(totalsOf(comparison)))
      this.#totals[name as keyof ShadowTotals] += value;
    this.#recent = [comparison, ...this.#recent].slice(0, keepRecent);
  }

  async countSkipped(reason: 'budget' | 'busy'): Promise<void> {
    if (reason === 'budget') this.#totals.skippedBudget++;
    else this.#totals.skippedBusy++;
  }

  async totals(): Promise<ShadowTotals> {
    return { ...this.#totals };
  }

  async recent(limit: number): Promise<ShadowComparison[]> {
    return this.#recent.slice(0, limit);
  }
}
