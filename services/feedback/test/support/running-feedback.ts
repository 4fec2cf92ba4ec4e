import { randomBytes } from 'node:crypto';
import { FeedbackClient, SubjectClient, Transport, WeightsClient } from '@ragfleet/grpc';
import { hostService, type HostedService } from '@ragfleet/service-host';
import { composeFeedback, type ComposedFeedback } from '../../src/compose.ts';
import type { Clock } from '../../src/domain/clock.ts';
import { loadFeedbackConfig } from '../../src/config.ts';

export interface RunningFeedback {
  hosted: HostedService;
  composed: ComposedFeedback;
  subjects: SubjectClient;
  feedback: FeedbackClient;
  weights: WeightsClient;
  stop(): Promise<void>;
}

/**
 * The feedback service as main.ts runs it (hostService + compose) on a free loopback port, with
 * a service key: the clients sign as the gateway does, so the tenant comes from the token.
 */
export async function startRunningFeedback(
  env: Record<string, string>,
  clock: Clock,
): Promise<RunningFeedback> {
  const key = randomBytes(32).toString('base64url');
  let composed: ComposedFeedback | undefined;
  const hosted = await hostService({
    name: 'feedback',
    config: () => loadFeedbackConfig({ LOG_LEVEL: 'silent', SERVICE_AUTH_KEY: key, ...env }),
    grpcPort: () => 0,
    opsPort: () => 0,
    host: '127.0.0.1',
    exitOnSignal: false,
    compose: async (kit, config) => {
      composed = await composeFeedback(kit, config, { clock });
    },
  });
  const transport = Transport.create({ service: 'gateway', keys: [Buffer.from(key)] });
  const address = `127.0.0.1:${hosted.grpcPort}`;
  const subjects = new SubjectClient(address, { transport });
  const feedback = new FeedbackClient(address, { transport });
  const weights = new WeightsClient(address, { transport });
  if (!composed) throw new Error('compose did not run');
  return {
    hosted,
    composed,
    subjects,
    feedback,
    weights,
    stop: async () => {
      subjects.close();
      feedback.close();
      weights.close();
      await hosted.lifecycle.shutdown('test');
    },
  };
}
