import { SessionClient } from '@ragfleet/grpc';
import { hostService, type HostedService } from '@ragfleet/service-host';
import { compose } from '../../src/compose.ts';
import { loadSessionConfig } from '../../src/config.ts';

export interface RunningSession {
  hosted: HostedService;
  client: SessionClient;
  stop(): Promise<void>;
}

/** The session service as main.ts runs it (hostService + compose) on free loopback ports. */
export async function startRunningSession(env: Record<string, string>): Promise<RunningSession> {
  const hosted = await hostService({
    name: 'session',
    config: () => loadSessionConfig({ LOG_LEVEL: 'silent', ...env }),
    grpcPort: () => 0,
    opsPort: () => 0,
    host: '127.0.0.1',
    exitOnSignal: false,
    compose,
  });
  const client = new SessionClient(`127.0.0.1:${hosted.grpcPort}`);
  return {
    hosted,
    client,
    stop: async () => {
      client.close();
      await hosted.lifecycle.shutdown('test');
    },
  };
}
