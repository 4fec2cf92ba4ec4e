// embed as its main.ts runs it (hostService + composeEmbed, configured from the environment, and
// main's exit on an abandoned start), with one substitution through compose's public seam: model
// workers whose load always fails. Tests run it as a child process to see how it stops.
import { hostService } from '@ragfleet/service-host';
import { composeEmbed } from '../../src/compose.ts';
import { loadEmbedConfig } from '../../src/config.ts';
import { exitIfStartAbandoned } from '../../src/start-abandoned.ts';

const failures = new Int32Array(new SharedArrayBuffer(4));
failures[0] = 1_000_000;
await hostService({
  name: 'embed',
  config: () => loadEmbedConfig(),
  grpcPort: (config) => config.GRPC_PORT,
  opsPort: (config) => config.METRICS_PORT,
  host: '127.0.0.1',
  compose: (kit, config) =>
    composeEmbed(kit, config, {
      localPool: {
        workerUrl: new URL('../fixtures/scripted-load-worker.ts', import.meta.url),
        workerData: { failures },
        loadRetryDelayMs: 50,
      },
    }),
}).catch(exitIfStartAbandoned);
