import { z } from 'zod';
import { TIERS, type Tier } from '@ragfleet/config';

export { TIERS, type Tier };

export const PROVIDERS = ['extractive', 'ollama', 'anthropic'] as const;
export type ProviderName = (typeof PROVIDERS)[number];

const modelSchema = z.object({
  provider: z.enum(PROVIDERS),
  model: z.string().min(1),
  inputPricePerMtok: z.number().nonnegative(),
  outputPricePerMtok: z.number().nonnegative(),
  /** Tokens the model takes in (prompt plus answer); a longer prompt skips it. */
  contextWindow: z.number().int().positive(),
  /** Relative answer quality, 0..100 (higher is stronger), compared with each class's bar. */
  quality: z.number().min(0).max(100),
  /** Time to a full short answer as usually seen, in ms: what `prefer: latency` orders by. */
  typicalLatencyMs: z.number().int().nonnegative(),
  tiers: z.array(z.enum(TIERS)).min(1),
  /** What the model can do (streaming, code, long_context, offline…), reported, not yet routed on. */
  capabilities: z.array(z.string().min(1)).default([]),
});

export type CatalogModel = z.output<typeof modelSchema>;

export const catalogSchema = z.object({ models: z.array(modelSchema).min(1) }).superRefine((catalog, ctx) => {
  const seen = new Set<string>();
  catalog.models.forEach((model, index) => {
    const key = `${model.provider}/${model.model}`;
    if (seen.has(key))
      ctx.addIssue({ code: 'custom', path: ['models', index], message: `duplicate model ${key}` });
    seen.add(key);
  });
  // Every tier needs the offline model: it is the fallback that cannot fail.
  for (const tier of TIERS) {
    if (!catalog.models.some((model) => model.provider === 'extractive' && model.tiers.includes(tier))) {
      ctx.addIssue({
        code: 'custom',
        path: ['models'],
        message: `no extractive model allowed for tier ${tier}`,
      });
    }
  }
});

export type Catalog = z.output<typeof catalogSchema>;

export class CatalogError extends Error {
  constructor(source: string, issues: string[]) {
    super(`invalid model catalog ${source}\n${issues.map((issue) => `  - ${issue}`).join('\n')}`);
    this.name = 'CatalogError';
  }
}

/** Validates a parsed catalog document; every problem is listed at once. */
export function parseCatalog(document: unknown, source = '(inline)'): Catalog {
  const result = catalogSchema.safeParse(document);
  if (result.success) return result.data;
  throw new CatalogError(
    source,
    result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
  );
}

/** Models whose provider this deployment has enabled, in catalog order. */
export function enabledModels(catalog: Catalog, enabled: ReadonlySet<ProviderName>): CatalogModel[] {
  return catalog.models.filter((model) => enabled.has(model.provider));
}

/** What a million input plus a million output tokens cost: the ordering key for "cheapest". */
export function blendedPrice(model: CatalogModel): number {
  return model.inputPricePerMtok + model.outputPricePerMtok;
}
