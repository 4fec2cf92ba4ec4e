// The figures of every size and backend as two plain-text tables (build and memory; queries).
import type { BuildFigures } from './build.ts';
import type { SizeResult } from './one-size.ts';
import { MODES } from './query-blocks.ts';

const fixed = (value: number | undefined, digits: number): string =>
  value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(digits);

function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padStart(widths[i]!)).join('  ');
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

export function formatTables(results: SizeResult[]): string {
  const buildRows: string[][] = [];
  const queryRows: string[][] = [];
  for (const result of results) {
    for (const [name, build] of Object.entries(result.builds)) {
      if ('error' in build) {
        buildRows.push([String(result.size), name, `failed: ${build.error}`, '', '', '', '', '', '']);
        continue;
      }
      const figures: BuildFigures = build;
      buildRows.push([
        String(result.size),
        name,
        fixed(figures.seconds, 1),
        fixed(figures.sealSeconds, 1),
        fixed(figures.chunksPerSecond, 0),
        fixed(figures.memory.rssBytesPerChunk, 0),
        fixed(figures.memory.heapBytesPerChunk, 0),
        fixed(figures.memory.diskBytesPerChunk, 0),
        figures.sealError ? `seal failed: ${figures.sealError.slice(0, 40)}` : '',
      ]);
      const modes = result.queryPhase.figures[name] ?? {};
      queryRows.push([
        String(result.size),
        name,
        fixed(modes.vector?.recallAt10, 3),
        ...MODES.flatMap((mode) => [
          `${fixed(modes[mode]?.p50Ms, 2)} / ${fixed(modes[mode]?.p99Ms, 2)}`,
          fixed(modes[mode]?.cpuMsPerQuery, 2),
        ]),
        String(modes.vector?.queries ?? 0),
        `${fixed(result.writes[name]?.p50Ms, 1)} / ${fixed(result.writes[name]?.p99Ms, 1)}`,
      ]);
    }
  }
  return [
    table(
      [
        'chunks',
        'backend',
        'build s',
        'seal s',
        'chunks/s',
        'RSS B/chunk',
        'heap B/chunk',
        'disk B/chunk',
        '',
      ],
      buildRows,
    ),
    '',
    table(
      [
        'chunks',
        'backend',
        'recall@10',
        'vector p50/p99 ms',
        'CPU ms',
        'keyword p50/p99 ms',
        'CPU ms',
        'hybrid p50/p99 ms',
        'CPU ms',
        'queries/mode',
        'write p50/p99 ms',
      ],
      queryRows,
    ),
  ].join('\n');
}
