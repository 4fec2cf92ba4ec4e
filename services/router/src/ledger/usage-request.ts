import { RagfleetError, fieldDetails, type FieldProblem } from '@ragfleet/errors';
import { GROUP_BY, isGroupBy, type UsageQuery } from './usage-ledger.ts';

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
export const DEFAULT_USAGE_DAYS = 30;
const DAY_MS = 86_400_000;

export interface UsageRequestFields {
  from: string;
  to: string;
  groupBy: string;
}

function time(value: string, field: string, problems: FieldProblem[]): Date | undefined {
  if (!value) return undefined;
  const ms = RFC3339.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) {
    problems.push({ field, message: 'must be an RFC 3339 time, e.g. 2026-12-01T00:00:00Z' });
    return undefined;
  }
  return new Date(ms);
}

/**
 * GetUsage's inputs as a ledger query for the caller's tenant: [from, to), by default the last
 * 30 days up to now, grouped by model unless told. Every bad field is reported at once.
 */
export function usageQueryOf(
  request: UsageRequestFields,
  tenant: string,
  now: Date = new Date(),
): UsageQuery {
  const problems: FieldProblem[] = [];
  const from = time(request.from, 'from', problems);
  const to = time(request.to, 'to', problems);
  const groupBy = request.groupBy || 'model';
  if (!isGroupBy(groupBy))
    problems.push({ field: 'group_by', message: `must be one of ${GROUP_BY.join(', ')}` });
  const end = to ?? now;
  const start = from ?? new Date(end.getTime() - DEFAULT_USAGE_DAYS * DAY_MS);
  if (problems.length === 0 && start.getTime() >= end.getTime()) {
    problems.push({ field: 'from', message: 'must be before to' });
  }
  if (problems.length > 0 || !isGroupBy(groupBy)) {
    const summary = problems.map((problem) => `${problem.field}: ${problem.message}`).join('; ');
    throw new RagfleetError('INVALID_ARGUMENT', summary, { details: fieldDetails(problems) });
  }
  return { tenant, from: start, to: end, groupBy };
}
