import type { ConsumerMessages, JsMsg } from '@nats-io/jetstream';
import { extractTraceContext, runInContext } from '@ragfleet/telemetry';
import type { EventEnvelope, EventHandler, Subscription } from './event-bus.ts';
import { redeliveryDelayMs, type RedeliveryPolicy } from './delivery-policy.ts';
import { errorFields, type EventLogger } from './event-logger.ts';
import { headerCarrier } from './nats-headers.ts';

export interface NatsSubscriptionFields {
  messages: ConsumerMessages;
  durable: string;
  maxAttempts: number;
  ackWaitMs: number;
  concurrency: number;
  handler: EventHandler<unknown>;
  redelivery: RedeliveryPolicy;
  logger: EventLogger;
}

/**
 * Runs one pull consumer's messages through the handler, at most `concurrency` at a time: ack after
 * the handler resolves, nak with a growing delay when it throws, term (and log) on the last attempt.
 */
export class NatsSubscription implements Subscription {
  readonly #fields: NatsSubscriptionFields;
  readonly #running = new Set<Promise<void>>();
  readonly #loop: Promise<void>;
  #stopping = false;

  constructor(fields: NatsSubscriptionFields) {
    this.#fields = fields;
    this.#loop = this.#consume();
  }

  async stop(): Promise<void> {
    if (!this.#stopping) {
      this.#stopping = true;
      // Resolves once the loop has taken every buffered message (and handed them back).
      await this.#fields.messages.close();
    }
    await this.#loop;
    while (this.#running.size > 0) await Promise.allSettled([...this.#running]);
  }

  async #consume(): Promise<void> {
    const { messages, concurrency, logger, durable } = this.#fields;
    try {
      for await (const msg of messages) {
        while (!this.#stopping && this.#running.size >= concurrency) await Promise.race(this.#running);
        if (this.#stopping) {
          // Pulled but never started: hand it straight back so another replica can take it.
          msg.nak();
          continue;
        }
        const task: Promise<void> = this.#handle(msg).finally(() => this.#running.delete(task));
        this.#running.add(task);
      }
    } catch (error) {
      logger.error({ durable, ...errorFields(error) }, 'event consumer stopped on an error');
    }
  }

  async #handle(msg: JsMsg): Promise<void> {
    const { durable, maxAttempts, handler, logger } = this.#fields;
    const attempt = msg.info.deliveryCount;
    const fields = {
      stream: msg.info.stream,
      durable,
      subject: msg.subject,
      seq: msg.seq,
      attempt,
      maxAttempts,
    };
    let event: EventEnvelope<unknown>;
    try {
      event = msg.json<EventEnvelope<unknown>>();
    } catch (error) {
      logger.error({ ...fields, ...errorFields(error) }, 'event payload is not JSON; giving it up');
      msg.term('payload is not JSON');
      return;
    }
    const heartbeat = this.#keepAlive(msg);
    try {
      const traceContext = extractTraceContext(headerCarrier(msg.headers));
      await runInContext(traceContext, () => handler(event, { attempt, subject: msg.subject }));
      clearInterval(heartbeat);
      await this.#ack(msg, fields);
    } catch (error) {
      clearInterval(heartbeat);
      if (attempt >= maxAttempts) {
        logger.error(
          { ...fields, ...errorFields(error) },
          'event handler failed on its last attempt; giving the event up',
        );
        msg.term(`failed after ${attempt} attempts`);
        return;
      }
      const delayMs = redeliveryDelayMs(attempt, this.#fields.redelivery);
      logger.warn(
        { ...fields, retryInMs: delayMs, ...errorFields(error) },
        'event handler failed; will redeliver',
      );
      msg.nak(delayMs);
    }
  }

  /** Tells the server a long handler is still working, so ack_wait does not hand its job to another. */
  #keepAlive(msg: JsMsg): ReturnType<typeof setInterval> {
    const timer = setInterval(() => msg.working(), Math.max(50, Math.floor(this.#fields.ackWaitMs / 3)));
    timer.unref();
    return timer;
  }

  async #ack(msg: JsMsg, fields: Record<string, unknown>): Promise<void> {
    // Wait for the server to confirm, so stop() returning means the acks are stored.
    const confirmed = await msg.ackAck().catch((error: unknown) => {
      this.#fields.logger.warn({ ...fields, ...errorFields(error) }, 'event ack not confirmed');
      return true;
    });
    if (!confirmed) this.#fields.logger.warn(fields, 'event ack not confirmed; it may be redelivered');
  }
}
