import { connect, type NatsConnection, type Subscription } from '@nats-io/transport-node';
import type { Logger } from '@ragfleet/telemetry';
import type { BreakerStates } from './breaker-states.ts';
import { parseHealthReport } from './health-report.ts';

export interface HealthSubscriptionOptions {
  natsUrl: string;
  subject: string;
  states: BreakerStates;
  logger: Pick<Logger, 'info' | 'warn'>;
}

/**
 * Every router replica must see every breaker report, so this is a core NATS subscription on
 * subjects.providerHealth, not a JetStream consumer: a durable shared by the replicas would give
 * each report to one of them, and a durable per replica would outlive replicas that come and go
 * (and replay the stream's whole history of reports at each start). Core NATS receives what
 * generate publishes to the events stream as well, since a JetStream publish is a NATS publish.
 * The cost: reports sent before this replica subscribed are not seen, so a breaker that opened
 * earlier is skipped from generate's next report of it. The connection is its own (the EventBus
 * has no core subscriptions) and reconnects without a limit, as the bus's does.
 */
export class HealthSubscription {
  readonly #options: HealthSubscriptionOptions;
  #connection: NatsConnection | undefined;
  #subscription: Subscription | undefined;

  constructor(options: HealthSubscriptionOptions) {
    this.#options = options;
  }

  async start(): Promise<void> {
    const { natsUrl, subject, states, logger } = this.#options;
    this.#connection = await connect({
      servers: natsUrl,
      name: 'router-provider-health',
      maxReconnectAttempts: -1,
      reconnectTimeWait: 1_000,
    });
    this.#subscription = this.#connection.subscribe(subject, {
      callback: (error, message) => {
        if (error) return;
        const report = parseHealthReport(message.string());
        if (report === undefined) {
          logger.warn({ subject }, 'provider health message ignored: not {provider, state, replica, at}');
          return;
        }
        if (states.record(report)) {
          logger.info(
            { provider: report.provider, state: report.state, replica: report.replica },
            'provider breaker state',
          );
        }
      },
    });
    // The subscription is registered once the server has it: a flush makes start() mean "listening".
    await this.#connection.flush();
  }

  async stop(): Promise<void> {
    this.#subscription?.unsubscribe();
    await this.#connection?.drain().catch(() => undefined);
  }
}
