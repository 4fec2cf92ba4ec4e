import type { CatalogModel } from './catalog.ts';
import type { RouteDecision } from './route-policy.ts';

const name = (model: CatalogModel) => `${model.provider}/${model.model}`;
const list = (models: CatalogModel[]) => models.map(name).join(', ');

/** The decision in one readable sentence, for RouteResponse.reason and the logs. */
export function describeDecision(decision: Omit<RouteDecision, 'reason'>): string {
  const { complexity, chain, clearing, qualityBar, skipped, tier, prefer } = decision;
  const drivers = complexity.features
    .filter((feature) => feature.contribution > 0)
    .slice(0, 3)
    .map((feature) => `${feature.name} ${feature.value} +${feature.contribution}`)
    .join(', ');
  const online = chain.filter((model) => model.provider !== 'extractive');
  const offline = chain.filter((model) => model.provider === 'extractive');
  const head = `${complexity.complexityClass} question (score ${complexity.score}${drivers ? `: ${drivers}` : ''}) on tier ${tier}, prefer ${prefer}, quality bar ${qualityBar}`;
  let choice: string;
  if (online.length === 0) choice = 'no online model is enabled and available for this tier';
  else if (clearing === 0) choice = `no model clears the bar, best quality first: ${list(online)}`;
  else {
    const order = prefer === 'cost' ? 'cheapest' : prefer === 'quality' ? 'strongest' : 'fastest';
    choice = `${order} model that clears the bar first: ${list(online)}`;
  }
  const left =
    skipped.length > 0
      ? `; skipped ${skipped.map((skip) => `${name(skip.model)} (${skip.reason})`).join(', ')}`
      : '';
  const budget = decision.budgetFallback
    ? '; budget fallback: the preferred model does not fit the budget'
    : decision.overBudget
      ? '; no model fits the remaining budget (estimated): the chain stands and Reserve decides'
      : '';
  return `${head}; ${choice}${left}${budget}; ${list(offline)} last as the offline fallback`;
}
