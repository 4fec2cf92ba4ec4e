import type { OutcomeSpec } from '@ragfleet/packs';
import type { Snapshot } from './records.ts';

export interface Measurement {
  /** 0–1; 0.5 is no change. */
  effectiveness: number;
  /** Relative change per outcome metric path, each clamped to [-1, 1]. */
  changes: Record<string, number>;
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/**
 * Relative change from `before` to `after`, clamped to [-1, 1] so that one metric rising from
 * near zero cannot outweigh the rest. From 0, any rise is +1 and any fall −1.
 */
export function relativeChange(before: number, after: number): number {
  if (before === 0) return after === before ? 0 : after > 0 ? 1 : -1;
  return clamp((after - before) / Math.abs(before), -1, 1);
}

/**
 * effectiveness = clamp01(0.5 + 0.5 · Σ weight · change) over the pack's outcome metrics (subject
 * metrics by path, e.g. node.routing_revenue_sat_30d). A metric missing from either snapshot is
 * left out and the remaining weights are scaled back to 1; with none left there is nothing to
 * compare: undefined (the measurer then records the outcome as not measurable).
 */
export function measureOutcome(
  spec: OutcomeSpec,
  before: Snapshot,
  after: Snapshot,
): Measurement | undefined {
  const changes: Record<string, number> = {};
  let weighted = 0;
  let weightSum = 0;
  for (const metric of spec.metrics) {
    const name = metric.path.split('.')[1] ?? '';
    const from = before.subject[name];
    const to = after.subject[name];
    if (from === undefined || to === undefined) continue;
    const change = relativeChange(from, to);
    changes[metric.path] = change;
    weighted += metric.weight * change;
    weightSum += metric.weight;
  }
  if (weightSum === 0) return undefined;
  return { effectiveness: clamp(0.5 + (0.5 * weighted) / weightSum, 0, 1), changes };
}
