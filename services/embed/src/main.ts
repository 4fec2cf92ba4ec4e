import { hostService } from '@ragfleet/service-host';
import { compose } from './compose.ts';
import { loadEmbedConfig } from './config.ts';
import { exitIfStartAbandoned } from './start-abandoned.ts';

// embed: text to vectors. `node services/embed/src/main.ts` serves gRPC on 7051 (ops on 9101).
await hostService({
  name: 'embed',
  config: () => loadEmbedConfig(),
  grpcPort: (config) => config.GRPC_PORT,
  opsPort: (config) => config.METRICS_PORT,
  compose,
}).catch(exitIfStartAbandoned);
