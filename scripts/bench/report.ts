import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Writes a benchmark's figures as JSON under reports/ and says where. */
export function writeReport(name: string, report: Record<string, unknown>): string {
  const dir = join(import.meta.dirname, '../../reports');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.json`);
  writeFileSync(
    file,
    `${JSON.stringify({ benchmark: name, at: new Date().toISOString(), ...report }, null, 2)}\n`,
  );
  return file;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

/** Sum of a Prometheus histogram's _sum series per label value, read from a /metrics page. */
export async function histogramSums(
  url: string,
  metric: string,
  label: string,
): Promise<Record<string, number>> {
  const text = await (await fetch(url)).text();
  const sums: Record<string, number> = {};
  const pattern = new RegExp(`^${metric}_sum\\{([^}]*)\\} ([0-9.eE+-]+)$`, 'gm');
  for (const match of text.matchAll(pattern)) {
    const value = new RegExp(`${label}="([^"]*)"`).exec(match[1]!)?.[1];
    if (value !== undefined) sums[value] = (sums[value] ?? 0) + Number(match[2]);
  }
  return sums;
}

/** A process's CPU seconds so far (user + system, all threads), from its /metrics page. */
export async function processCpuSeconds(url: string): Promise<number> {
  const text = await (await fetch(url)).text();
  const match = /^process_cpu_seconds_total(?:\{[^}]*\})? ([0-9.eE+-]+)$/m.exec(text);
  return match ? Number(match[1]) : Number.NaN;
}
