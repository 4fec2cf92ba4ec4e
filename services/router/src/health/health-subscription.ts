import { connect, type NatsConnection, type Subscription } from '@nats-io/transport-node';
import type { Logger } from '@ragfleet/telemetry';
import type { BreakerStates } from './breaker-states.ts';
import { parseHealthReport } from './health-report.ts';
import { recentReports } from './recent-reports.ts';

export interface HealthSubscriptionOptions {
  natsUrl: string;
  subject: string;
  /** The events stream that keeps the reports, read back over the TTL at start. */
  stream: string;
  ttlMs: number;
  states: BreakerStates;
  logger: Pick<Logger, 'info' | 'warn'>;
}

/**
 * Every router replica must see every breaker report, so this is a core NATS subscription on
 * subjects.providerHealth, not a JetStream consumer: a durable shared by the replicas would give
 * each report to one of them, and a durable per replica would outlive replicas that come and go
 * (and replay the stream's whole history of reports at each start). Core NATS receives what
 * generate publishes to the events stream as well, since a JetStream publish is a NATS publish.
 * Reports sent before this replica subscribed are read back once from the events stream (the
 * last TTL's worth, see recentReports) after the subscription is in place, so none falls in
 * between; the order does not matter, the latest `at` per replica wins. The connection is its
 * own (the EventBus has no core subscriptions) and reconnects without a limit, as the bus's does.
 */
export class HealthSubscription {
  readonly #options: HealthSubscriptionOptions;
  #connection: NatsConnection | undefined;
  #subscription: Subscription | undefined;

  constructor(options: HealthSubscriptionOptions) {
    this.#options = options;
  }

  async start(): Promise<void> {
    const { natsUrl, subject, stream, ttlMs, states, logger } = this.#options;
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
    try {
      const replayed = await recentReports(this.#connection, { stream, subject, since: Date.now() - ttlMs });
      for (const report of replayed) states.record(report);
      logger.info(
        { subject, replayed: replayed.length },
        'provider health: recent breaker reports read back',
      );
    } catch (error) {
      // No stream yet, or JetStream not ready: live reports still arrive on the subscription.
      logger.warn({ stream, why: (error as Error).message }, 'provider health: recent reports not read back');
    }
  }

  async stop(): Promise<void> {
    this.#subscription?.unsubscribe();
    await this.#connection?.drain().catch(() => undefined);
  }
}
