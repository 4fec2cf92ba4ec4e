import { connectEventBus, fleetTopology } from '@ragfleet/events';
import { protos } from '@ragfleet/protos';
import type { ServiceKit } from '@ragfleet/service-host';
import { CatalogWatcher } from './adapters/catalog-watcher.ts';
import { gptTokenCounter } from './adapters/gpt-token-counter.ts';
import { routerMetrics } from './adapters/router-metrics.ts';
import { composeBudgets } from './budgets/compose-budgets.ts';
import type { RouterConfig } from './config.ts';
import { ComplexityAnalyzer, DomainTerms } from './domain/complexity.ts';
import { RoutePolicy } from './domain/route-policy.ts';
import { routerHandlers, type ExtraHandlers } from './grpc/router-handlers.ts';
import { composeHealth } from './health/compose-health.ts';
import { composeLedger } from './ledger/compose-ledger.ts';

const names = (models: Array<{ provider: string; model: string }>) =>
  models.map((model) => `${model.provider}/${model.model}`);

/**
 * The router's composition root: the catalog (watched), the complexity analyzer and the route
 * policy over them (fed by provider health and budgets), their metrics, the ledger, the gRPC
 * handlers. One event bus serves the ledger's consumer and the budget threshold events.
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

  // One connection for the ledger and the threshold events; registered first, so closed last.
  const topology = fleetTopology(config.NATS_NAMESPACE);
  const bus = await connectEventBus({
    natsUrl: config.NATS_URL,
    streams: [topology.streams.events],
    logger,
    name: 'router',
  });
  lifecycle.onShutdown('event bus', () => bus.close());
  if (!config.NATS_URL) {
    // generate runs in its own process: on an in-process bus its events never reach this one.
    logger.warn(
      {},
      'NATS_URL is not set: no generation reaches the usage ledger (GetUsage answers zeros) and budget threshold events stay in this process',
    );
  }

  const health = await composeHealth(config, {
    logger,
    registry,
    subject: topology.subjects.providerHealth,
    stream: topology.streams.events.name,
  });
  lifecycle.onShutdown('provider health', () => health.stop());
  const budgets = await composeBudgets(config, {
    logger,
    registry,
    catalog: () => catalog.current(),
    bus,
    thresholdSubject: topology.subjects.budgetThreshold,
  });
  lifecycle.onShutdown('budgets', () => budgets.close());

  const analyzer = new ComplexityAnalyzer({
    config: config.routing,
    domainTerms: new DomainTerms(config.domainTerms),
    countTokens: gptTokenCounter,
  });
  const policy = new RoutePolicy({
    catalog: () => catalog.current(),
    enabled: new Set(config.ENABLED_PROVIDERS),
    analyzer,
    health: health.states,
    budget: budgets.fit,
    contextMarginTokens: config.ROUTER_CONTEXT_MARGIN_TOKENS,
  });

  // The usage ledger (issue 12): fed by generation.completed, read by GetUsage.
  const ledger = await composeLedger({ logger, registry }, config, { bus });
  lifecycle.onShutdown('usage ledger', () => ledger.shutdown());
  const extra: ExtraHandlers = { GetUsage: ledger.getUsage, ...budgets.handlers };

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
