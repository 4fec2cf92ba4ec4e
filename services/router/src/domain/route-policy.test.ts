import { describe, expect, it } from '@jest/globals';
import { parseCatalog, type CatalogModel, type ProviderName } from './catalog.ts';
import { ComplexityAnalyzer, DomainTerms } from './complexity.ts';
import type { BudgetFit, ProviderHealth } from './ports.ts';
import { RoutePolicy, type RouteInput } from './route-policy.ts';
import { FEATURES, type ComplexityClass, type FeatureName } from './routing-config.ts';

const model = (
  provider: ProviderName,
  name: string,
  price: number,
  quality: number,
  latency: number,
  tiers: string[],
) => ({
  provider,
  model: name,
  inputPricePerMtok: price,
  outputPricePerMtok: price * 5,
  contextWindow: provider === 'ollama' ? 8_000 : 200_000,
  quality,
  typicalLatencyMs: latency,
  tiers,
});
const ALL = ['free', 'standard', 'premium', 'enterprise'];
const catalog = parseCatalog({
  models: [
    model('extractive', 'extractive-v1', 0, 10, 5, ALL),
    model('ollama', 'llama3.2', 0, 35, 2500, ALL),
    model('anthropic', 'haiku', 1, 70, 900, ['standard', 'premium', 'enterprise']),
    model('anthropic', 'sonnet', 3, 88, 1800, ['premium', 'enterprise']),
    model('anthropic', 'opus', 5, 95, 3000, ['enterprise']),
  ],
});

// The class is forced through conversation depth alone: depth d scores d/10.
const onlyDepth = {
  ...Object.fromEntries(FEATURES.map((name) => [name, 0])),
  conversation_depth: 1,
} as Record<FeatureName, number>;
const analyzer = new ComplexityAnalyzer({
  config: {
    weights: onlyDepth,
    saturation: { ...onlyDepth, ...Object.fromEntries(FEATURES.map((name) => [name, 10])) } as Record<
      FeatureName,
      number
    >,
    thresholds: { medium: 0.2, complex: 0.5, reasoning: 0.8 },
    qualityBars: { simple: 30, medium: 45, complex: 65, reasoning: 90 },
  },
  domainTerms: new DomainTerms(['x']),
  countTokens: (text) => text.length,
});
const DEPTH: Record<ComplexityClass, number> = { simple: 0, medium: 3, complex: 6, reasoning: 9 };

const closed: ProviderHealth = { isOpen: () => false };
const fitsAll: BudgetFit = { forCaller: async () => () => true };
const policyWith = (
  options: { health?: ProviderHealth; budget?: BudgetFit; enabled?: ProviderName[] } = {},
) =>
  new RoutePolicy({
    catalog: () => catalog,
    enabled: new Set(options.enabled ?? ['extractive', 'ollama', 'anthropic']),
    analyzer,
    health: options.health ?? closed,
    budget: options.budget ?? fitsAll,
    contextMarginTokens: 1_000,
  });
const names = (models: CatalogModel[]) => models.map((entry) => entry.model);
const route = (input: Partial<RouteInput> & { complexity: ComplexityClass }, policy = policyWith()) =>
  policy.route({ query: 'q', tier: 'premium', conversationDepth: DEPTH[input.complexity], ...input });

describe('RoutePolicy table: class x tier x prefer', () => {
  // [class, tier, prefer, chain]
  const table: Array<[ComplexityClass, string, string, string[]]> = [
    ['simple', 'free', 'cost', ['llama3.2', 'extractive-v1']],
    ['simple', 'standard', 'cost', ['llama3.2', 'haiku', 'extractive-v1']],
    ['simple', 'premium', 'cost', ['llama3.2', 'haiku', 'sonnet', 'extractive-v1']],
    ['simple', 'premium', 'quality', ['sonnet', 'haiku', 'llama3.2', 'extractive-v1']],
    ['simple', 'premium', 'latency', ['haiku', 'sonnet', 'llama3.2', 'extractive-v1']],
    ['simple', 'enterprise', 'cost', ['llama3.2', 'haiku', 'sonnet', 'opus', 'extractive-v1']],
    ['medium', 'free', 'cost', ['llama3.2', 'extractive-v1']],
    ['medium', 'standard', 'cost', ['haiku', 'llama3.2', 'extractive-v1']],
    ['medium', 'premium', 'cost', ['haiku', 'sonnet', 'llama3.2', 'extractive-v1']],
    ['medium', 'premium', 'quality', ['sonnet', 'haiku', 'llama3.2', 'extractive-v1']],
    ['medium', 'premium', 'latency', ['haiku', 'sonnet', 'llama3.2', 'extractive-v1']],
    ['complex', 'standard', 'cost', ['haiku', 'llama3.2', 'extractive-v1']],
    ['complex', 'premium', 'cost', ['haiku', 'sonnet', 'llama3.2', 'extractive-v1']],
    ['complex', 'enterprise', 'quality', ['opus', 'sonnet', 'haiku', 'llama3.2', 'extractive-v1']],
    ['complex', 'enterprise', 'latency', ['haiku', 'sonnet', 'opus', 'llama3.2', 'extractive-v1']],
    ['reasoning', 'free', 'cost', ['llama3.2', 'extractive-v1']],
    ['reasoning', 'standard', 'cost', ['haiku', 'llama3.2', 'extractive-v1']],
    ['reasoning', 'premium', 'cost', ['sonnet', 'haiku', 'llama3.2', 'extractive-v1']],
    ['reasoning', 'enterprise', 'cost', ['opus', 'sonnet', 'haiku', 'llama3.2', 'extractive-v1']],
    ['reasoning', 'enterprise', 'latency', ['opus', 'sonnet', 'haiku', 'llama3.2', 'extractive-v1']],
  ];
  it.each(table)('%s on %s preferring %s', async (complexity, tier, prefer, chain) => {
    const decision = await route({ complexity, tier, prefer });
    expect(decision.complexity.complexityClass).toBe(complexity);
    expect(names(decision.chain)).toEqual(chain);
    expect(decision.prefer).toBe(prefer);
  });

  it('skips what the tier does not allow, with the reason, and says why in the reason', async () => {
    const decision = await route({ complexity: 'reasoning', tier: 'free' });
    expect(decision.skipped.map((skip) => [skip.model.model, skip.reason])).toEqual([
      ['haiku', 'tier'],
      ['sonnet', 'tier'],
      ['opus', 'tier'],
    ]);
    expect(decision.reason).toContain('reasoning question');
    expect(decision.reason).toContain('no model clears the bar, best quality first: ollama/llama3.2');
    expect(decision.reason).toContain('anthropic/opus (tier)');
    expect(decision.reason).toMatch(/extractive\/extractive-v1 last as the offline fallback$/);
  });

  it('defaults an empty tier to free and an empty prefer to cost', async () => {
    const decision = await route({ complexity: 'simple', tier: '', prefer: '' });
    expect([decision.tier, decision.prefer]).toEqual(['free', 'cost']);
    expect(decision.reason).toContain('cheapest model that clears the bar first');
  });
});

describe('RoutePolicy skips', () => {
  it('skips a model whose context window is smaller than the prompt plus the margin', async () => {
    const fits = await route({ complexity: 'simple', promptTokens: 7_000 });
    expect(names(fits.chain)).toContain('llama3.2');
    const decision = await route({ complexity: 'simple', promptTokens: 7_001 });
    expect(names(decision.chain)).toEqual(['haiku', 'sonnet', 'extractive-v1']);
    expect(decision.skipped).toContainEqual({
      model: expect.objectContaining({ model: 'llama3.2' }),
      reason: 'context_window',
    });
  });

  it('skips a provider whose breaker is open, never the offline model', async () => {
    const policy = policyWith({ health: { isOpen: (provider) => provider !== 'ollama' } });
    const decision = await route({ complexity: 'complex', tier: 'premium' }, policy);
    expect(names(decision.chain)).toEqual(['llama3.2', 'extractive-v1']);
    expect(
      decision.skipped.filter((skip) => skip.reason === 'breaker_open').map((skip) => skip.model.model),
    ).toEqual(['haiku', 'sonnet']);
  });

  it('falls back past a model that does not fit the budget and says so', async () => {
    const policy = policyWith({
      budget: { forCaller: async () => (candidate) => candidate.model !== 'haiku' },
    });
    const decision = await route({ complexity: 'complex', tier: 'premium' }, policy);
    expect(names(decision.chain)).toEqual(['sonnet', 'llama3.2', 'extractive-v1']);
    expect(decision.budgetFallback).toBe(true);
    expect(decision.skipped).toContainEqual({
      model: expect.objectContaining({ model: 'haiku' }),
      reason: 'budget',
    });
    expect(decision.reason).toContain('budget fallback');
    const unaffected = await route({ complexity: 'reasoning', tier: 'premium' }, policy);
    expect(unaffected.budgetFallback).toBe(false);
  });

  it('reads the budget once per decision, for the caller it is given', async () => {
    const callers: unknown[] = [];
    const policy = policyWith({
      budget: {
        forCaller: async (caller) => {
          callers.push(caller);
          return () => true;
        },
      },
    });
    await route({ complexity: 'complex', caller: { tenant: 'acme', user: 'ann' } }, policy);
    expect(callers).toEqual([{ tenant: 'acme', user: 'ann' }]);
  });

  it('keeps the chain when no candidate fits: Reserve is the authoritative check', async () => {
    const policy = policyWith({ budget: { forCaller: async () => () => false } });
    const decision = await route({ complexity: 'complex', tier: 'premium' }, policy);
    // The same chain as without budgets (the table's complex/premium/cost row).
    expect(names(decision.chain)).toEqual(['haiku', 'sonnet', 'llama3.2', 'extractive-v1']);
    expect(decision.skipped.filter((skip) => skip.reason === 'budget')).toEqual([]);
    expect(decision.budgetFallback).toBe(false);
    expect(decision.overBudget).toBe(true);
    expect(decision.reason).toContain('no model fits the remaining budget');
  });

  it('leaves out providers that are not enabled, keeping the offline fallback', async () => {
    const decision = await route({ complexity: 'complex' }, policyWith({ enabled: ['extractive'] }));
    expect(names(decision.chain)).toEqual(['extractive-v1']);
    expect(decision.reason).toContain('no online model is enabled and available');
  });
});

describe('RoutePolicy bad input', () => {
  it.each([
    [{ tier: 'gold' }, 'tier'],
    [{ prefer: 'vibes' }, 'prefer'],
  ])('rejects %j with INVALID_ARGUMENT naming the field', async (input, field) => {
    await expect(route({ complexity: 'simple', ...input })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      details: expect.objectContaining({ field }),
    });
  });
});
