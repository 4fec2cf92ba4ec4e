import { RagfleetError, fieldDetails, type FieldProblem } from '@ragfleet/errors';
import type { MetricSchema } from './metric-schema.ts';
import type { SubjectMetrics } from './subject-metrics.ts';

/**
 * Every way a metrics snapshot departs from the pack's schema: a metric it does not define, a
 * value that is not a finite number, an unknown collection, an item without a unique id. Missing
 * metrics are allowed (rules over them simply do not fire), so a partial snapshot is still usable.
 */
export function metricProblems(schema: MetricSchema, metrics: SubjectMetrics): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const checkValues = (values: Record<string, unknown>, allowed: Record<string, string>, at: string) => {
    for (const [name, value] of Object.entries(values)) {
      if (!Object.hasOwn(allowed, name)) problems.push({ field: `${at}.${name}`, message: 'unknown metric' });
      else if (typeof value !== 'number' || !Number.isFinite(value)) {
        problems.push({ field: `${at}.${name}`, message: 'must be a finite number' });
      }
    }
  };
  checkValues(metrics.subject, schema.subject, 'subject');
  for (const [scope, items] of Object.entries(metrics.collections)) {
    const allowed = schema.collections[scope];
    if (allowed === undefined) {
      problems.push({ field: `collections.${scope}`, message: 'unknown collection' });
      continue;
    }
    const ids = new Set<string>();
    items.forEach((item, i) => {
      const at = `collections.${scope}.${i}`;
      if (typeof item.id !== 'string' || item.id === '')
        problems.push({ field: `${at}.id`, message: 'must be a non-empty string' });
      else if (ids.has(item.id)) problems.push({ field: `${at}.id`, message: `duplicate id "${item.id}"` });
      else ids.add(item.id);
      checkValues(item.metrics, allowed, `${at}.metrics`);
    });
  }
  return problems;
}

/** The snapshot, or INVALID_ARGUMENT naming each problem in `details.fields`. */
export function assertMetrics(schema: MetricSchema, metrics: SubjectMetrics): SubjectMetrics {
  const problems = metricProblems(schema, metrics);
  if (problems.length > 0) {
    throw new RagfleetError(
      'INVALID_ARGUMENT',
      `Invalid metrics: ${problems.map((p) => p.field).join(', ')}`,
      {
        details: fieldDetails(problems),
      },
    );
  }
  return metrics;
}
