import type { Finding, InjectionVerdict } from '../verdict.ts';
import type { Sample } from './datasets.ts';

export interface Rate {
  total: number;
  hits: number;
  rate: number;
}

export interface DetectionReport extends Rate {
  byClass: Record<string, Rate>;
  misses: Sample[];
}

export interface FalsePositiveReport extends Rate {
  flagged: Array<Sample & { reasons: string[]; patterns: string[] }>;
}

type Inspect = (text: string) => { verdict: InjectionVerdict; findings: Finding[] };

const rate = (hits: number, total: number): Rate => ({ total, hits, rate: total === 0 ? 0 : hits / total });

/** How many attacks the detector flags, per class and overall, and which it misses. */
export function measureDetection(samples: readonly Sample[], inspect: Inspect): DetectionReport {
  const counts = new Map<string, { hits: number; total: number }>();
  const misses: Sample[] = [];
  for (const sample of samples) {
    const count = counts.get(sample.class) ?? { hits: 0, total: 0 };
    counts.set(sample.class, count);
    count.total++;
    if (inspect(sample.text).verdict.flagged) count.hits++;
    else misses.push(sample);
  }
  const byClass = Object.fromEntries([...counts].map(([name, { hits, total }]) => [name, rate(hits, total)]));
  return { ...rate(samples.length - misses.length, samples.length), byClass, misses };
}

/** How many ordinary texts the detector flags, and with what. */
export function measureFalsePositives(samples: readonly Sample[], inspect: Inspect): FalsePositiveReport {
  const flagged: FalsePositiveReport['flagged'] = [];
  for (const sample of samples) {
    const { verdict, findings } = inspect(sample.text);
    if (verdict.flagged) {
      flagged.push({
        ...sample,
        reasons: verdict.reasons,
        patterns: findings.map((f) => `${f.pattern}@${f.view}`),
      });
    }
  }
  return { ...rate(flagged.length, samples.length), flagged };
}
