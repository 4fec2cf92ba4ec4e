import type { GenerateV1 } from '@ragfleet/protos';
import type { ShadowRunner } from './shadow-runner.ts';

/** GetShadowReport: the fleet's comparisons (the store's), their means, and today's budget use. */
export async function shadowReport(runner: ShadowRunner): Promise<GenerateV1.GetShadowReportResponse> {
  const day = new Date().toISOString().slice(0, 10);
  const [totals, spent] = await Promise.all([runner.store.totals(), runner.store.spent(day)]);
  const mean = (sum: number) => (totals.runs === 0 ? 0 : sum / totals.runs);
  return {
    enabled: runner.enabled,
    share: runner.share,
    summary: {
      candidate: runner.label,
      runs: totals.runs,
      errors: totals.errors,
      latencyMsDelta: mean(totals.latencyMsDelta),
      costUsdDelta: mean(totals.costUsdDelta),
      lengthRatio: mean(totals.lengthRatio),
      citationOverlap: mean(totals.citationOverlap),
      budgetUsd: runner.budgetUsd,
      spentUsd: spent,
      skippedBudget: totals.skippedBudget,
    },
  };
}
