import { hostService } from '@ragfleet/service-host';
import { compose } from './compose.ts';
import { loadGenerateConfig } from './config.ts';

// generate: the RAG pipeline. `node services/generate/src/main.ts` serves gRPC on 7054 (ops on 9104).
await hostService({
  name: 'generate',
  config: () => loadGenerateConfig(),
  grpcPort: (config) => config.GRPC_PORT,
  opsPort: (config) => config.METRICS_PORT,
  compose,
});
