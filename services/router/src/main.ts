import { hostService } from '@ragfleet/service-host';
import { compose } from './compose.ts';
import { loadRouterConfig } from './config.ts';

// router: which model answers. `node services/router/src/main.ts` serves gRPC on 7053 (ops on 9103).
await hostService({
  name: 'router',
  config: () => loadRouterConfig(),
  grpcPort: (config) => config.GRPC_PORT,
  opsPort: (config) => config.METRICS_PORT,
  compose,
});
