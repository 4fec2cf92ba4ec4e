import type { MetricSchema, SubjectMetrics } from '@ragfleet/packs';
import type { SubjectRecord } from '../ports.ts';

/** Items listed to the model at most: a prompt has a budget, and the worst ones come first. */
export const MAX_ITEMS_SHOWN = 40;

/** The subject's own metrics by path (`node.capacity_sat`): SubjectInfo.summary. */
export function metricSummary(
  schema: MetricSchema,
  metrics: SubjectMetrics | undefined,
): Record<string, number> {
  const summary: Record<string, number> = {};
  for (const [name, value] of Object.entries(metrics?.subject ?? {})) {
    if (Number.isFinite(value)) summary[`${schema.subjectScope}.${name}`] = value;
  }
  return summary;
}

/**
 * The subject as plain lines for the model: its identity, each subject metric with what it means
 * (from the schema), then one line per item as the snapshot lists them, at most MAX_ITEMS_SHOWN
 * and a line saying how many were left out.
 */
export function subjectLines(subject: SubjectRecord, schema: MetricSchema, metrics: SubjectMetrics): string {
  const lines = [`${subject.pack} subject ${subject.id}${subject.name ? ` (${subject.name})` : ''}`];
  for (const [name, value] of Object.entries(metrics.subject)) {
    const meaning = schema.subject[name];
    lines.push(`${schema.subjectScope}.${name} = ${value}${meaning ? ` (${meaning})` : ''}`);
  }
  for (const [scope, items] of Object.entries(metrics.collections)) {
    lines.push(`${items.length} ${scope} items:`);
    for (const item of items.slice(0, MAX_ITEMS_SHOWN)) {
      const values = Object.entries(item.metrics).map(([name, value]) => `${name}=${value}`);
      lines.push(`${scope} ${item.id}: ${values.join(', ')}`);
    }
    if (items.length > MAX_ITEMS_SHOWN)
      lines.push(`(${items.length - MAX_ITEMS_SHOWN} more ${scope} items not shown)`);
  }
  return lines.join('\n');
}
