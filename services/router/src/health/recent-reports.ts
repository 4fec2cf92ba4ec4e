import { DeliverPolicy, jetstream } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { ProviderHealthReport } from './breaker-states.ts';
import { parseHealthReport } from './health-report.ts';

/** A bound on what one start reads: breaker reports are state changes, a few per minute. */
const MAX_REPLAYED = 10_000;

/**
 * The breaker reports the events stream kept since `since`, read once at start through an
 * ephemeral ordered consumer with a single filter subject (NATS 2.9 has no multi-filter
 * consumers). Reports older than the TTL cannot make a provider open, so nothing before it is
 * read, and the server deletes the consumer after use. No stream yet (generate never published
 * in this namespace): nothing to replay.
 */
export async function recentReports(
  connection: NatsConnection,
  { stream, subject, since }: { stream: string; subject: string; since: number },
): Promise<ProviderHealthReport[]> {
  const js = jetstream(connection);
  const consumer = await js.consumers.get(stream, {
    filter_subjects: subject,
    deliver_policy: DeliverPolicy.StartTime,
    opt_start_time: new Date(since).toISOString(),
  });
  try {
    const pending = (await consumer.info()).num_pending;
    if (pending === 0) return [];
    const reports: ProviderHealthReport[] = [];
    const messages = await consumer.fetch({ max_messages: Math.min(pending, MAX_REPLAYED), expires: 2_000 });
    for await (const message of messages) {
      const report = parseHealthReport(message.string());
      if (report !== undefined) reports.push(report);
    }
    return reports;
  } finally {
    await consumer.delete().catch(() => undefined);
  }
}
