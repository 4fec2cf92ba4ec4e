import { join } from 'node:path';
import { loadCatalogFile } from './adapters/catalog-file.ts';
import { closedBreakers } from './adapters/closed-breakers.ts';
import { gptTokenCounter } from './adapters/gpt-token-counter.ts';
import { loadDomainTermsFile, loadRoutingConfigFile } from './adapters/routing-files.ts';
import { unlimitedBudget } from './adapters/unlimited-budget.ts';
import type { ProviderName } from './domain/catalog.ts';
import { ComplexityAnalyzer, DomainTerms } from './domain/complexity.ts';
import type { BudgetFit, ProviderHealth } from './domain/ports.ts';
import { RoutePolicy } from './domain/route-policy.ts';

const SHIPPED = join(import.meta.dirname, '..');

export interface RoutePolicyFiles {
  enabled: ReadonlySet<ProviderName>;
  catalogPath?: string;
  weightsPath?: string;
  termsPath?: string;
  contextMarginTokens?: number;
  health?: ProviderHealth;
  budget?: BudgetFit;
}

/**
 * The router's policy in-process, from its files (the shipped ones by default), read once: for
 * benchmarks and in-process pipelines that route without the service. The service itself
 * composes the same parts around a watched catalog (compose.ts).
 */
export function routePolicyFromFiles(options: RoutePolicyFiles): RoutePolicy {
  const catalog = loadCatalogFile(options.catalogPath ?? join(SHIPPED, 'catalog.json'));
  return new RoutePolicy({
    catalog: () => catalog,
    enabled: options.enabled,
    analyzer: new ComplexityAnalyzer({
      config: loadRoutingConfigFile(options.weightsPath ?? join(SHIPPED, 'routing-weights.json')),
      domainTerms: new DomainTerms(
        loadDomainTermsFile(options.termsPath ?? join(SHIPPED, 'domain-terms.txt')),
      ),
      countTokens: gptTokenCounter,
    }),
    health: options.health ?? closedBreakers,
    budget: options.budget ?? unlimitedBudget,
    contextMarginTokens: options.contextMarginTokens ?? 1_024,
  });
}
