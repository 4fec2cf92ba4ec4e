import { protos } from '@ragfleet/protos';
import { hostService } from '@ragfleet/service-host';
import { composeEmbedding } from './compose.ts';
import { loadEmbedConfig } from './config.ts';
import { EMBED_SERVICE_NAME, embedHandlers } from './grpc/embed-handlers.ts';

await hostService({
  name: 'embed',
  config: () => loadEmbedConfig(),
  grpcPort: (config) => config.GRPC_PORT,
  opsPort: (config) => config.METRICS_PORT,
  compose: async (kit, config) => {
    const { service, catalog } = await composeEmbedding(kit, config);
    kit.server.addService(
      EMBED_SERVICE_NAME,
      protos.embed().EmbedService.service,
      embedHandlers(service, catalog),
    );
  },
});
