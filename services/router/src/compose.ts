import { protos } from '@ragfleet/protos';
import type { ServiceKit } from '@ragfleet/service-host';
import { CatalogWatcher } from './adapters/catalog-watcher.ts';
import { closedBreakers } from './adapters/closed-breakers.ts';
import { gptTokenCounter } from './adapters/gpt-token-counter.ts';
import { routerMetrics } from './adapters/router-metrics.ts';
import { unlimitedBudget } from './adapters/unlimited-budget.ts';
import type { RouterConfig } from './config.ts';
import { ComplexityAnalyzer, DomainTerms } from './domain/complexity.ts';
import { RoutePolicy } from './domain/route-policy.ts';
import { routerHandlers, type ExtraHandlers } from './grpc/router-handlers.ts';
import { composeLedger } from './ledger/compose-ledger.ts';

const names = (models: Array<{ provider: string; model: string }>) =>
  models.map((model) => `${model.provider}/${model.model}`);

/**
 * The router's composition root: the catalog (watched), the complexity analyzer and the route
 * policy over them, their metrics, the gRPC handlers.
 */
export async function compose(
  { server, registry, logger, lifecycle }: ServiceKit,
  config: RouterConfig,
): Promise<void> {
  const metrics = routerMetrics(registry);
  const catalog = new CatalogWatcher({
    path: config.CATALOG_PATH,
    pollMs: config.CATALOG_POLL_MS,
    onReload: (outcome, { catalog: loaded, error }) => {
      metrics.reloaded(outcome);
      if (outcome === 'loaded')
        logger.info({ models: names(loaded?.models ?? []) }, 'model catalog reloaded');
      else
        logger.error(
          { path: config.CATALOG_PATH, why: error?.message },
          'model catalog change refused; the last good catalog stays',
        );
    },
  });
  catalog.start();
  lifecycle.onShutdown('catalog watcher', () => catalog.stop());

  const analyzer = new ComplexityAnalyzer({
    config: config.routing,
    domainTerms: new DomainTerms(config.domainTerms),
    countTokens: gptTokenCounter,
  });
  const policy = new RoutePolicy({
    catalog: () => catalog.current(),
    enabled: new Set(config.ENABLED_PROVIDERS),
    analyzer,
    health: closedBreakers,
    budget: unlimitedBudget,
    contextMarginTokens: config.ROUTER_CONTEXT_MARGIN_TOKENS,
  });

  // The usage ledger (issue 12): fed by generation.completed, read by GetUsage.
  const ledger = await composeLedger({ logger, registry }, config);
  lifecycle.onShutdown('usage ledger', () => ledger.shutdown());
  const extra: ExtraHandlers = { GetUsage: ledger.getUsage };

  server.addService(
    'ragfleet.router.v1.RouterService',
    protos.router().RouterService.service,
    routerHandlers(
      policy,
      {
        decided: (decision, seconds) => {
          metrics.decided(decision, seconds);
          logger.debug(
            {
              class: decision.complexity.complexityClass,
              score: decision.complexity.score,
              tier: decision.tier,
              prefer: decision.prefer,
              chain: names(decision.chain),
              skipped: decision.skipped.map(
                (skip) => `${skip.model.provider}/${skip.model.model}:${skip.reason}`,
              ),
              seconds,
            },
            decision.reason,
          );
        },
      },
      extra,
    ),
  );
  logger.info({ models: names(policy.models()) }, 'model catalog loaded');
}
