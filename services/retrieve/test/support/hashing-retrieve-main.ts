// retrieve as its main.ts runs it (hostService + composeRetrieve, configured from the
// environment), with one substitution through compose's public seam: the offline hashing
// embedder instead of the embed service. Tests run it as a child process so they can kill it.
import { hostService } from '@ragfleet/service-host';
import { composeRetrieve } from '../../src/compose.ts';
import { loadRetrieveConfig } from '../../src/config.ts';
import { HashingEmbedder } from './hashing-embedder.ts';

const embedder = new HashingEmbedder();
await hostService({
  name: 'retrieve',
  config: () => loadRetrieveConfig(),
  grpcPort: (config) => config.GRPC_PORT,
  opsPort: (config) => config.METRICS_PORT,
  host: '127.0.0.1',
  compose: async (kit, config) => {
    await composeRetrieve(kit, config, { embedder, embedderFor: () => embedder });
  },
});
