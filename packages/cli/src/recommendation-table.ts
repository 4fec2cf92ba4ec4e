import type { Recommendation } from './recommendation-types.ts';

/** Longest reasoning shown in the table: enough for the why, short enough for one line. */
const REASONING_WIDTH = 60;
const TARGET_WIDTH = 28;

/** Cuts text to `width` characters, marking the cut so a reader knows there is more. */
export function truncate(text: string, width: number): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= width ? oneLine : `${oneLine.slice(0, width - 1)}…`;
}

function columns(rows: string[][], rightAligned: ReadonlySet<number>): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) =>
          rightAligned.has(column) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!),
        )
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/**
 * The recommendations best first as a table, then each one's id and weights version under the
 * same number: the ids are long, and they are what `ragfleet mark` takes.
 */
export function recommendationTable(recommendations: Recommendation[]): string {
  if (recommendations.length === 0) return 'no recommendations for this subject';
  const ranked = [...recommendations].sort((a, b) => b.score - a.score);
  const table = columns(
    [
      ['#', 'score', 'priority', 'action', 'target', 'source', 'reasoning'],
      ...ranked.map((r, i) => [
        String(i + 1),
        r.score.toFixed(1),
        r.priority,
        r.action,
        truncate(r.target || '-', TARGET_WIDTH),
        r.source,
        truncate(r.reasoning, REASONING_WIDTH),
      ]),
    ],
    new Set([0, 1]),
  );
  const ids = columns(
    [['#', 'id', 'weights'], ...ranked.map((r, i) => [String(i + 1), r.id, r.weights_version])],
    new Set([0]),
  );
  return `${table}\n\n${ids}`;
}
