import { GrpcClient, RetrieveClient } from '@ragfleet/grpc';
import { protos, type RetrieveV1 } from '@ragfleet/protos';
import { hostService, type HostedService } from '@ragfleet/service-host';
import { composeRetrieve, type RetrieveDependencies } from '../../src/compose.ts';
import { loadRetrieveConfig } from '../../src/config.ts';

export interface RunningRetrieve {
  hosted: HostedService;
  client: RetrieveClient;
  versions: GrpcClient<RetrieveV1.IndexVersionServiceClient>;
  /** How the index came back at start: loaded from disk or rebuilt from the store. */
  recovery: string;
  stop(): Promise<void>;
}

/**
 * The retrieve service as main.ts runs it (hostService + composeRetrieve) on free loopback
 * ports, with the given environment and injected dependencies (an offline embedder, own streams).
 */
export async function startRunningRetrieve(
  env: Record<string, string>,
  dependencies: RetrieveDependencies,
): Promise<RunningRetrieve> {
  let recovery = '';
  const hosted = await hostService({
    name: 'retrieve',
    config: () => loadRetrieveConfig({ LOG_LEVEL: 'silent', ...env }),
    grpcPort: () => 0,
    opsPort: () => 0,
    host: '127.0.0.1',
    exitOnSignal: false,
    compose: async (kit, config) => {
      ({ recovery } = await composeRetrieve(kit, config, dependencies));
    },
  });
  const address = `127.0.0.1:${hosted.grpcPort}`;
  const client = new RetrieveClient(address);
  const versions = new GrpcClient(protos.retrieve().IndexVersionService, address);
  return {
    hosted,
    client,
    versions,
    recovery,
    stop: async () => {
      client.close();
      versions.close();
      await hosted.lifecycle.shutdown('test');
    },
  };
}
