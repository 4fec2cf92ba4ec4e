import { RagfleetError } from '@ragfleet/errors';
import {
  TIERS,
  blendedPrice,
  enabledModels,
  type Catalog,
  type CatalogModel,
  type ProviderName,
  type Tier,
} from './catalog.ts';
import { estimateComplexity } from './complexity.ts';

export interface RouteDecision {
  chain: CatalogModel[];
  reason: string;
  tier: Tier;
}

function isTier(value: string): value is Tier {
  return (TIERS as readonly string[]).includes(value);
}

const byPriceThenQuality = (a: CatalogModel, b: CatalogModel) =>
  blendedPrice(a) - blendedPrice(b) || b.quality - a.quality;
const byQualityThenPrice = (a: CatalogModel, b: CatalogModel) =>
  b.quality - a.quality || blendedPrice(a) - blendedPrice(b);

const describe = (models: CatalogModel[]) =>
  models.map((model) => `${model.provider}/${model.model}`).join(', ');

/**
 * Picks the fallback chain for one query. Complex queries on paid tiers get the strongest
 * allowed model first; everything else the cheapest. The offline extractive model always ends
 * the chain so that an answer is possible with every provider down.
 */
export class RoutePolicy {
  readonly #models: CatalogModel[];

  constructor(catalog: Catalog, enabled: ReadonlySet<ProviderName>) {
    this.#models = enabledModels(catalog, enabled);
  }

  /** The enabled catalog, as ListModels reports it. */
  models(): CatalogModel[] {
    return [...this.#models];
  }

  route(query: string, requestedTier: string): RouteDecision {
    const tier = requestedTier === '' ? 'free' : requestedTier;
    if (!isTier(tier)) {
      throw new RagfleetError('INVALID_ARGUMENT', `unknown tier "${requestedTier}"`, {
        details: { field: 'tier', allowed: [...TIERS] },
      });
    }
    const allowed = this.#models.filter((model) => model.tiers.includes(tier));
    const offline = allowed.filter((model) => model.provider === 'extractive');
    const online = allowed.filter((model) => model.provider !== 'extractive');

    const complexity = estimateComplexity(query);
    const strongestFirst = complexity.complex && tier !== 'free';
    const ordered = [...online].sort(strongestFirst ? byQualityThenPrice : byPriceThenQuality);
    const chain = [...ordered, ...offline.sort(byPriceThenQuality)];

    const facts = `score ${complexity.score}: ${complexity.words} words, ${complexity.questionWords} question words, ${complexity.clauses} clauses`;
    const shape = complexity.complex ? 'complex' : 'simple';
    const policy =
      ordered.length === 0
        ? 'no online model is enabled for this tier'
        : strongestFirst
          ? `strongest model first: ${describe(ordered)}`
          : `cheapest model first: ${describe(ordered)}`;
    const reason = `${shape} query (${facts}) on tier ${tier}; ${policy}; ${describe(offline)} last as the offline fallback`;
    return { chain, reason, tier };
  }
}
