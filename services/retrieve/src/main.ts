import { hostService } from '@ragfleet/service-host';
import { compose } from './compose.ts';
import { loadRetrieveConfig } from './config.ts';

// retrieve: the corpus. `node services/retrieve/src/main.ts` serves gRPC on 7052 (ops on 9102).
await hostService({
  name: 'retrieve',
  config: () => loadRetrieveConfig(),
  grpcPort: (config) => config.GRPC_PORT,
  opsPort: (config) => config.METRICS_PORT,
  compose,
});
