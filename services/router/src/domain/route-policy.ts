import { RagfleetError } from '@ragfleet/errors';
import {
  TIERS,
  blendedPrice,
  type Catalog,
  type CatalogModel,
  type ProviderName,
  type Tier,
} from './catalog.ts';
import type { Complexity, ComplexityAnalyzer } from './complexity.ts';
import { describeDecision } from './describe-decision.ts';
import type { BudgetCaller, BudgetFit, ProviderHealth } from './ports.ts';

export const PREFERENCES = ['cost', 'quality', 'latency'] as const;
export type Preference = (typeof PREFERENCES)[number];

export const SKIP_REASONS = ['tier', 'context_window', 'breaker_open', 'budget'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export interface RouteInput {
  query: string;
  /** Empty means free. */
  tier: string;
  /** Empty means cost. */
  prefer?: string;
  conversationDepth?: number;
  /** Tokens the prompt will carry; 0 or absent: unknown, no context-window check. */
  promptTokens?: number;
  /** Whose remaining budget decides which models fit; absent: no budget applies. */
  caller?: BudgetCaller;
}

export interface SkippedModel {
  model: CatalogModel;
  reason: SkipReason;
}

export interface RouteDecision {
  chain: CatalogModel[];
  reason: string;
  tier: Tier;
  prefer: Preference;
  complexity: Complexity;
  /** The quality the question's class asks for. */
  qualityBar: number;
  /** How many models at the head of the chain clear the bar. */
  clearing: number;
  skipped: SkippedModel[];
  budgetFallback: boolean;
  /** No candidate fits the remaining budget: the chain keeps them, generate's Reserve decides. */
  overBudget: boolean;
}

export interface RoutePolicyOptions {
  /** Read on every decision, so a reloaded catalog takes effect at once. */
  catalog: () => Catalog;
  enabled: ReadonlySet<ProviderName>;
  analyzer: ComplexityAnalyzer;
  health: ProviderHealth;
  budget: BudgetFit;
  /** Room a model needs beyond the prompt (the answer, the template): prompt + margin must fit. */
  contextMarginTokens: number;
}

const isTier = (value: string): value is Tier => (TIERS as readonly string[]).includes(value);
const isPreference = (value: string): value is Preference =>
  (PREFERENCES as readonly string[]).includes(value);

const byPrice = (a: CatalogModel, b: CatalogModel) =>
  blendedPrice(a) - blendedPrice(b) || b.quality - a.quality || a.typicalLatencyMs - b.typicalLatencyMs;
const byQuality = (a: CatalogModel, b: CatalogModel) =>
  b.quality - a.quality || blendedPrice(a) - blendedPrice(b) || a.typicalLatencyMs - b.typicalLatencyMs;
const byLatency = (a: CatalogModel, b: CatalogModel) =>
  a.typicalLatencyMs - b.typicalLatencyMs || blendedPrice(a) - blendedPrice(b) || b.quality - a.quality;
const ORDER_BY: Record<Preference, (a: CatalogModel, b: CatalogModel) => number> = {
  cost: byPrice,
  quality: byQuality,
  latency: byLatency,
};

/**
 * The chain for one question. Of the models the tier allows (and that fit the prompt, have no
 * open breaker and fit the budget): first those whose quality clears the class's bar, cheapest
 * first (or by quality or latency when `prefer` says so), then those below the bar from the
 * best quality down, and the offline extractive model always last, so an answer is possible
 * with every provider down.
 */
export class RoutePolicy {
  readonly #options: RoutePolicyOptions;

  constructor(options: RoutePolicyOptions) {
    this.#options = options;
  }

  /** The enabled catalog, as ListModels reports it. */
  models(): CatalogModel[] {
    return this.#options.catalog().models.filter((model) => this.#options.enabled.has(model.provider));
  }

  async route(input: RouteInput): Promise<RouteDecision> {
    const tier = input.tier === '' ? 'free' : input.tier;
    if (!isTier(tier)) {
      throw new RagfleetError('INVALID_ARGUMENT', `unknown tier "${input.tier}"`, {
        details: { field: 'tier', allowed: [...TIERS] },
      });
    }
    const prefer = input.prefer === undefined || input.prefer === '' ? 'cost' : input.prefer;
    if (!isPreference(prefer)) {
      throw new RagfleetError('INVALID_ARGUMENT', `unknown prefer "${input.prefer}"`, {
        details: { field: 'prefer', allowed: [...PREFERENCES] },
      });
    }
    const { analyzer, health, budget, contextMarginTokens } = this.#options;
    const complexity = analyzer.analyze(input.query, input.conversationDepth ?? 0);
    const qualityBar = analyzer.config.qualityBars[complexity.complexityClass];
    const promptTokens = input.promptTokens ?? 0;

    const skipped: SkippedModel[] = [];
    const offline: CatalogModel[] = [];
    const candidates: CatalogModel[] = [];
    for (const model of this.models()) {
      if (!model.tiers.includes(tier)) skipped.push({ model, reason: 'tier' });
      // The offline model is the fallback that cannot fail: no other check applies to it.
      else if (model.provider === 'extractive') offline.push(model);
      else if (promptTokens > 0 && model.contextWindow < promptTokens + contextMarginTokens)
        skipped.push({ model, reason: 'context_window' });
      else if (health.isOpen(model.provider)) skipped.push({ model, reason: 'breaker_open' });
      else candidates.push(model);
    }
    const clearing = candidates.filter((model) => model.quality >= qualityBar).sort(ORDER_BY[prefer]);
    const below = candidates.filter((model) => model.quality < qualityBar).sort(byQuality);

    // Budget last: it is the only check that costs a round trip, read once for the whole decision.
    const question = {
      tier,
      complexityClass: complexity.complexityClass,
      promptTokens: promptTokens || complexity.tokens,
    };
    const preferred = [...clearing, ...below];
    const fitsBudget = await budget.forCaller(input.caller);
    const fits = preferred.map((model) => fitsBudget(model, question));
    /*
     * When no candidate fits, the chain keeps them all: the fit is an estimate (the longest answer
     * allowed), and generate's Reserve is the authoritative check, which refuses with
     * BUDGET_EXCEEDED and the reset time rather than silently degrading to the offline model.
     */
    const noneFits = preferred.length > 0 && fits.every((fit) => !fit);
    const affordable = noneFits
      ? preferred
      : preferred.filter((model, index) => {
          if (!fits[index]) skipped.push({ model, reason: 'budget' });
          return fits[index];
        });
    const budgetFallback = !noneFits && preferred.length > 0 && fits[0] === false;
    const chain = [...affordable, ...offline.sort(byPrice)];
    const decision = {
      chain,
      tier,
      prefer,
      complexity,
      qualityBar,
      clearing: affordable.filter((model) => model.quality >= qualityBar).length,
      skipped,
      budgetFallback,
      overBudget: noneFits,
    };
    return { ...decision, reason: describeDecision(decision) };
  }
}
