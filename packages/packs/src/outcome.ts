import { RagfleetError, fieldDetails } from '@ragfleet/errors';
import { z } from 'zod';
import type { MetricSchema } from './metric-schema.ts';

/**
 * How a pack measures whether an applied recommendation worked: the subject metrics compared
 * before and after (each with a weight; the weights sum to 1) and the default wait before the
 * comparison. Only subject metrics are compared: an item (a channel) may close meanwhile.
 */
export interface OutcomeSpec {
  measureAfterDays: number;
  metrics: Array<{ path: string; weight: number; description: string }>;
}

const schema = z.object({
  measureAfterDays: z.number().positive().max(365),
  metrics: z
    .array(
      z.object({
        path: z.string().min(1),
        weight: z.number().positive().max(1),
        description: z.string().min(1),
      }),
    )
    .min(1),
});

export function parseOutcomeSpec(input: unknown, metricSchema: MetricSchema): OutcomeSpec {
  const parsed = schema.safeParse(input);
  const problems = parsed.success
    ? parsed.data.metrics.flatMap((metric, i) => {
        const [scope, name] = metric.path.split('.');
        return scope === metricSchema.subjectScope &&
          name !== undefined &&
          Object.hasOwn(metricSchema.subject, name)
          ? []
          : [
              {
                field: `outcome.metrics.${i}.path`,
                message: `not a subject metric of the pack: ${metric.path}`,
              },
            ];
      })
    : parsed.error.issues.map((issue) => ({
        field: ['outcome', ...issue.path.map(String)].join('.'),
        message: issue.message,
      }));
  if (parsed.success) {
    const sum = parsed.data.metrics.reduce((total, metric) => total + metric.weight, 0);
    if (Math.abs(sum - 1) > 1e-6)
      problems.push({ field: 'outcome.metrics', message: `weights sum to ${sum}, not 1` });
  }
  if (!parsed.success || problems.length > 0) {
    throw new RagfleetError(
      'INVALID_ARGUMENT',
      `Invalid outcome spec: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`,
      { details: fieldDetails(problems) },
    );
  }
  return parsed.data;
}
