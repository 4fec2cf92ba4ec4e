import { z } from 'zod';

export const COMPLEXITY_CLASSES = ['simple', 'medium', 'complex', 'reasoning'] as const;
export type ComplexityClass = (typeof COMPLEXITY_CLASSES)[number];

export const FEATURES = [
  'tokens',
  'questions',
  'clauses',
  'reasoning_verbs',
  'code_or_math',
  'comparison',
  'domain_terms',
  'conversation_depth',
] as const;
export type FeatureName = (typeof FEATURES)[number];

const perFeature = (value: z.ZodNumber) =>
  z.strictObject(
    Object.fromEntries(FEATURES.map((name) => [name, value])) as Record<FeatureName, z.ZodNumber>,
  );

/**
 * How the analyzer scores and the policy chooses, from one JSON file (ROUTER_WEIGHTS_FILE):
 * - weights: what a feature adds to the score when it is saturated (its full weight);
 * - saturation: the raw value at which a feature counts fully (a 2-verb question is as much a
 *   reasoning question as a 5-verb one), so no single feature runs away with the score;
 * - thresholds: the score from which a question is medium, complex, reasoning;
 * - qualityBars: the catalog quality a model needs to answer each class well.
 */
export const routingConfigSchema = z
  .strictObject({
    weights: perFeature(z.number().min(0).max(1)),
    saturation: perFeature(z.number().positive()),
    thresholds: z.strictObject({
      medium: z.number().gt(0).lt(1),
      complex: z.number().gt(0).lt(1),
      reasoning: z.number().gt(0).lt(1),
    }),
    qualityBars: z.strictObject(
      Object.fromEntries(COMPLEXITY_CLASSES.map((name) => [name, z.number().min(0).max(100)])) as Record<
        ComplexityClass,
        z.ZodNumber
      >,
    ),
  })
  .superRefine((config, ctx) => {
    const { medium, complex, reasoning } = config.thresholds;
    if (!(medium < complex && complex < reasoning)) {
      ctx.addIssue({
        code: 'custom',
        path: ['thresholds'],
        message: `must rise: medium ${medium} < complex ${complex} < reasoning ${reasoning}`,
      });
    }
    const bars = COMPLEXITY_CLASSES.map((name) => config.qualityBars[name]);
    if (bars.some((bar, index) => index > 0 && bar < (bars[index - 1] as number))) {
      ctx.addIssue({
        code: 'custom',
        path: ['qualityBars'],
        message: `must not fall from simple to reasoning: ${bars.join(', ')}`,
      });
    }
    const total = FEATURES.reduce((sum, name) => sum + config.weights[name], 0);
    // With every weight at 0 every question is simple: certainly a mistake in the file.
    if (total === 0) ctx.addIssue({ code: 'custom', path: ['weights'], message: 'all weights are 0' });
  });

export type RoutingConfig = z.output<typeof routingConfigSchema>;

/** Every problem with a routing config document, one line each (empty: valid). */
export function routingConfigProblems(document: unknown): string[] {
  const result = routingConfigSchema.safeParse(document);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
}

export function parseRoutingConfig(document: unknown): RoutingConfig {
  return routingConfigSchema.parse(document);
}
