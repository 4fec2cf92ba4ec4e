/**
 * Priority from the composite score 0–100. Each threshold is inclusive at its lower edge:
 * CRITICAL >= 85, HIGH >= 70, MEDIUM >= 50, LOW >= 30, INFO below 30.
 */
export const PRIORITY_THRESHOLDS = [
  { priority: 'CRITICAL', min: 85 },
  { priority: 'HIGH', min: 70 },
  { priority: 'MEDIUM', min: 50 },
  { priority: 'LOW', min: 30 },
] as const;

export type Priority = (typeof PRIORITY_THRESHOLDS)[number]['priority'] | 'INFO';

export function priorityFor(score: number): Priority {
  return PRIORITY_THRESHOLDS.find((threshold) => score >= threshold.min)?.priority ?? 'INFO';
}
