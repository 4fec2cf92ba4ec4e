import { hostService } from '@ragfleet/service-host';
import { compose } from './compose.ts';
import { loadRecommendConfig } from './config.ts';

// recommend: the recommendation-scorer. `node services/recommend/src/main.ts` serves gRPC on 7056 (ops on 9106).
await hostService({
  name: 'recommend',
  config: () => loadRecommendConfig(),
  grpcPort: (config) => config.GRPC_PORT,
  opsPort: (config) => config.METRICS_PORT,
  compose: async (kit, config) => {
    await compose(kit, config);
  },
});
