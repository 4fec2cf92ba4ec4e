import { protos } from '@ragfleet/protos';
import type { ServiceKit } from '@ragfleet/service-host';
import { counter } from '@ragfleet/telemetry';
import { loadCatalogFile } from './adapters/catalog-file.ts';
import type { RouterConfig } from './config.ts';
import { RoutePolicy } from './domain/route-policy.ts';
import { routerHandlers } from './grpc/router-handlers.ts';

/** The router's composition root: the model catalog, the route policy over it, its gRPC handlers. */
export async function compose({ server, registry, logger }: ServiceKit, config: RouterConfig): Promise<void> {
  const catalog = loadCatalogFile(config.CATALOG_PATH);
  const policy = new RoutePolicy(catalog, new Set(config.ENABLED_PROVIDERS));
  const routes = counter(
    registry,
    'ragfleet_router_routes_total',
    'Routing decisions, by tier and first provider.',
    ['tier', 'first_provider'],
  );
  server.addService(
    'ragfleet.router.v1.RouterService',
    protos.router().RouterService.service,
    routerHandlers(policy, {
      routed: (tier, firstProvider) => routes.inc({ tier, first_provider: firstProvider }),
    }),
  );
  logger.info(
    { models: policy.models().map((model) => `${model.provider}/${model.model}`) },
    'model catalog loaded',
  );
}
