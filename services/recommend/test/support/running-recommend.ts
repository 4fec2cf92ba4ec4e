import { RecommendClient } from '@ragfleet/grpc';
import { hostService, type HostedService } from '@ragfleet/service-host';
import { compose, type ComposedRecommend } from '../../src/compose.ts';
import { loadRecommendConfig } from '../../src/config.ts';

export interface RunningRecommend {
  hosted: HostedService;
  composed: ComposedRecommend;
  client: RecommendClient;
  metrics(): Promise<string>;
  stop(): Promise<void>;
}

/** The scorer as main.ts runs it (hostService + compose) on free loopback ports. */
export async function startRunningRecommend(env: Record<string, string>): Promise<RunningRecommend> {
  let composed: ComposedRecommend | undefined;
  const hosted = await hostService({
    name: 'recommend',
    config: () => loadRecommendConfig({ LOG_LEVEL: 'silent', ...env }),
    grpcPort: () => 0,
    opsPort: () => 0,
    host: '127.0.0.1',
    exitOnSignal: false,
    compose: async (kit, config) => {
      composed = await compose(kit, config);
    },
  });
  const client = new RecommendClient(`127.0.0.1:${hosted.grpcPort}`);
  return {
    hosted,
    composed: composed as ComposedRecommend,
    client,
    metrics: async () => (await fetch(`http://127.0.0.1:${hosted.opsPort}/metrics`)).text(),
    stop: async () => {
      client.close();
      await hosted.lifecycle.shutdown('test');
    },
  };
}
