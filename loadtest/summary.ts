// What a run prints and reports besides pass/fail: each metric's figures, k6-style.
import { k6Percentile, type MetricSet } from './metrics.ts';
import type { ThresholdResult } from './thresholds.ts';

export interface MetricFigures {
  kind: string;
  samples: number;
  p50?: number;
  p95?: number;
  p99?: number;
  max?: number;
  rate?: number;
  count?: number;
}

const round = (value: number) => Math.round(value * 100) / 100;

export function metricFigures(metrics: MetricSet): Record<string, MetricFigures> {
  const figures: Record<string, MetricFigures> = {};
  for (const [name, metric] of metrics.metrics) {
    const { samples } = metric;
    const sum = samples.reduce((total, sample) => total + sample, 0);
    if (metric.kind === 'trend') {
      const sorted = [...samples].sort((a, b) => a - b);
      figures[name] = {
        kind: 'trend',
        samples: sorted.length,
        p50: round(k6Percentile(sorted, 50)),
        p95: round(k6Percentile(sorted, 95)),
        p99: round(k6Percentile(sorted, 99)),
        max: round(sorted[sorted.length - 1] ?? Number.NaN),
      };
    } else if (metric.kind === 'rate') {
      figures[name] = { kind: 'rate', samples: samples.length, rate: round(sum / samples.length) };
    } else figures[name] = { kind: 'counter', samples: samples.length, count: sum };
  }
  return figures;
}

/** One line per threshold: scenario, metric, expression, what was measured, ok or FAILED. */
export function thresholdTable(rows: Array<{ scenario: string } & ThresholdResult>): string {
  const header = ['scenario', 'metric', 'threshold', 'observed', 'samples', 'result'];
  const lines = rows.map((row) => [
    row.scenario,
    row.metric,
    row.expression,
    Number.isNaN(row.observed) ? '-' : String(round(row.observed)),
    String(row.samples),
    row.passed ? 'ok' : `FAILED${row.problem ? ` (${row.problem})` : ''}`,
  ]);
  const widths = header.map((_, column) =>
    Math.max(...[header, ...lines].map((line) => line[column]!.length)),
  );
  return [header, ...lines]
    .map((line) => line.map((cell, column) => cell.padEnd(widths[column]!)).join('  '))
    .join('\n');
}
