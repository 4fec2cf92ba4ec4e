import { RagfleetError, fieldDetails } from '@ragfleet/errors';
import { z } from 'zod';

/**
 * What a pack says its subjects measure: the subject's own metrics (`node.capacity_sat`) and, per
 * collection scope, the metrics of each item (`channel.local_ratio` for every channel). Rules may
 * name only these paths, so a typo in a rule is refused on load instead of never firing.
 */
export interface MetricSchema {
  subjectScope: string;
  subject: Record<string, string>;
  collections: Record<string, Record<string, string>>;
}

const metricNames = z.record(z.string().regex(/^[a-z][a-z0-9_]*$/), z.string().min(1));

export const metricSchemaSchema = z.object({
  subjectScope: z.string().regex(/^[a-z][a-z0-9_]*$/),
  subject: metricNames,
  collections: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/), metricNames),
});

/** The scopes a rule can run over: the subject itself, or each item of one collection. */
export function scopesOf(schema: MetricSchema): string[] {
  return [schema.subjectScope, ...Object.keys(schema.collections)];
}

/** Whether `path` (`scope.metric`) names a metric a rule of `ruleScope` can read. */
export function isReadablePath(schema: MetricSchema, ruleScope: string, path: string): boolean {
  const [scope, metric, ...rest] = path.split('.');
  if (scope === undefined || metric === undefined || rest.length > 0) return false;
  if (scope === schema.subjectScope) return Object.hasOwn(schema.subject, metric);
  // An item rule reads its own item and the subject; a subject rule sees no single item.
  if (scope !== ruleScope) return false;
  const item = schema.collections[scope];
  return item !== undefined && Object.hasOwn(item, metric);
}

/** A pack's metric schema from JSON, or INVALID_ARGUMENT naming each bad field. */
export function parseMetricSchema(input: unknown): MetricSchema {
  const parsed = metricSchemaSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => ({
    field: ['schema', ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  throw new RagfleetError(
    'INVALID_ARGUMENT',
    `Invalid metric schema: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`,
    { details: fieldDetails(problems) },
  );
}
