/*
 * Threshold levels of a budget, on what it has committed (spent plus reserved). Each level is
 * reported once per budget and period: the store remembers the highest level it reported.
 * The Redis scripts do the same arithmetic in Lua; keep the two in step.
 */

export const THRESHOLDS = [80, 100] as const;
export type Threshold = (typeof THRESHOLDS)[number];

/** 0, 80 or 100: the highest threshold that `usedMicros` has reached. A zero budget never alerts. */
export function thresholdLevel(usedMicros: number, limitMicros: number): 0 | Threshold {
  if (limitMicros <= 0 || usedMicros <= 0) return 0;
  if (usedMicros >= limitMicros) return 100;
  if (usedMicros * 5 >= limitMicros * 4) return 80;
  return 0;
}

/** The thresholds passed when the level rises from `before` to `after`, lowest first. */
export function crossedThresholds(before: number, after: number): Threshold[] {
  return THRESHOLDS.filter((threshold) => threshold > before && threshold <= after);
}
