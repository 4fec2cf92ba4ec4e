import { hostService } from '@ragfleet/service-host';
import { compose } from './compose.ts';
import { loadSessionConfig } from './config.ts';

// session: conversations. `node services/session/src/main.ts` serves gRPC on 7055 (ops on 9105).
await hostService({
  name: 'session',
  config: () => loadSessionConfig(),
  grpcPort: (config) => config.GRPC_PORT,
  opsPort: (config) => config.METRICS_PORT,
  compose,
});
