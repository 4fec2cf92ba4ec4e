import { hostService } from '@ragfleet/service-host';
import { compose } from './compose.ts';
import { loadFeedbackConfig } from './config.ts';

// feedback: subjects, the recommendation lifecycle, outcomes, weights and answer feedback.
// `node services/feedback/src/main.ts` serves gRPC on 7057 (ops on 9107).
await hostService({
  name: 'feedback',
  config: () => loadFeedbackConfig(),
  grpcPort: (config) => config.GRPC_PORT,
  opsPort: (config) => config.METRICS_PORT,
  compose,
});
