/**
 * A rule's condition: a small expression tree over metric paths. Comparisons take a metric path
 * on the left and a number or another metric path on the right: `{"lt": ["channel.local_ratio", 0.2]}`,
 * `{"gt": ["channel.failed_forwards_30d", "channel.forwards_30d"]}`.
 */
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { [op in ComparisonOperator]?: [string, number | string] };

export const COMPARISON_OPERATORS = ['lt', 'lte', 'gt', 'gte', 'eq', 'neq'] as const;
export type ComparisonOperator = (typeof COMPARISON_OPERATORS)[number];

export function isComparisonOperator(value: string): value is ComparisonOperator {
  return (COMPARISON_OPERATORS as readonly string[]).includes(value);
}

export function compare(op: ComparisonOperator, left: number, right: number): boolean {
  switch (op) {
    case 'lt':
      return left < right;
    case 'lte':
      return left <= right;
    case 'gt':
      return left > right;
    case 'gte':
      return left >= right;
    case 'eq':
      return left === right;
    case 'neq':
      return left !== right;
  }
}
