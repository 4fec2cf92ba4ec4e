import type { RecommendationRecord, Stage } from './records.ts';

export interface CategoryStats {
  category: string;
  generated: number;
  shown: number;
  applied: number;
  dismissed: number;
  measured: number;
  /** Measured outcomes with effectiveness above 0.5, of the measurable ones (0 with none). */
  successRate: number;
  /** Over measurable outcomes (0 with none). */
  meanEffectiveness: number;
  /** applied / (applied + dismissed) (0 when none was acted on). */
  acceptanceRate: number;
}

export interface FeedbackStats {
  categories: CategoryStats[];
  overall: CategoryStats;
  topEffective: RecommendationRecord[];
}

/** A record counts for every stage it has reached: a measured one was also shown (if it was) and applied. */
const reached = (record: RecommendationRecord, stage: Stage) =>
  record.stage === stage || record.history.some((change) => change.stage === stage);

const isMeasurable = (record: RecommendationRecord) =>
  record.stage === 'measured' && record.outcome?.measurable === true;

/** Folds one tenant's records into per-category and overall figures, and the top `top` effective. */
export function computeStats(records: RecommendationRecord[], top: number): FeedbackStats {
  const byCategory = new Map<string, RecommendationRecord[]>();
  for (const record of records) {
    const list = byCategory.get(record.recommendation.category) ?? [];
    list.push(record);
    byCategory.set(record.recommendation.category, list);
  }
  const categories = [...byCategory.keys()]
    .sort()
    .map((category) => fold(category, byCategory.get(category) ?? []));
  const topEffective = records
    .filter(isMeasurable)
    .sort(
      (a, b) =>
        (b.outcome?.effectiveness ?? 0) - (a.outcome?.effectiveness ?? 0) ||
        (a.recommendation.id < b.recommendation.id ? -1 : 1),
    )
    .slice(0, top);
  return { categories, overall: fold('', records), topEffective };
}

function fold(category: string, records: RecommendationRecord[]): CategoryStats {
  const count = (stage: Stage) => records.filter((record) => reached(record, stage)).length;
  const effectiveness = records.filter(isMeasurable).map((record) => record.outcome?.effectiveness ?? 0);
  const applied = count('applied');
  const dismissed = count('dismissed');
  return {
    category,
    generated: records.length,
    shown: count('shown'),
    applied,
    dismissed,
    measured: count('measured'),
    successRate: ratio(effectiveness.filter((e) => e > 0.5).length, effectiveness.length),
    meanEffectiveness: ratio(
      effectiveness.reduce((sum, e) => sum + e, 0),
      effectiveness.length,
    ),
    acceptanceRate: ratio(applied, applied + dismissed),
  };
}

const ratio = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);
