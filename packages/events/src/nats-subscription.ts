import type { ConsumerMessages, JsMsg } from '@nats-io/jetstream';
import { extractTraceContext, runInContext } from '@ragfleet/telemetry';
import type { EventEnvelope, EventHandler, Subscription } from './event-bus.ts';
import { redeliveryDelayMs, type RedeliveryPolicy } from './delivery-policy.ts';
import { errorFields, type EventLogger } from './event-logger.ts';
import { headerCarrier } from './nats-headers.ts';

export interface NatsSubscriptionFields {
  /**
   * Ensures the durable consumer and starts pulling from it. Called once at start (`again`
   * false: a failure rejects subscribe()) and again whenever the pull stopped while the
   * subscription runs, e.g. because a restarted server lost the consumer (`again` true).
   */
  open: (again: boolean) => Promise<ConsumerMessages>;
  durable: string;
  maxAttempts: number;
  ackWaitMs: number;
  concurrency: number;
  handler: EventHandler<unknown>;
  redelivery: RedeliveryPolicy;
  logger: EventLogger;
}

/** Waits between two attempts to start a stopped pull again: 250 ms doubling to 10 s. */
const REOPEN_POLICY: RedeliveryPolicy = { baseDelayMs: 250, maxDelayMs: 10_000 };

/**
 * Runs one pull consumer's messages through the handler, at most `concurrency` at a time: ack after
 * the handler resolves, nak with a growing delay when it throws, term (and log) on the last attempt.
 * The pull resumes by itself after a reconnect; if it ends anyway (consumer or stream gone), it is
 * opened again until stop(), so a consumer never silently stops taking work while the process lives.
 */
export class NatsSubscription implements Subscription {
  readonly #fields: NatsSubscriptionFields;
  readonly #running = new Set<Promise<void>>();
  readonly #loop: Promise<void>;
  #messages: ConsumerMessages | undefined;
  #stopping = false;
  #wake: (() => void) | undefined;

  private constructor(fields: NatsSubscriptionFields, first: ConsumerMessages) {
    this.#fields = fields;
    this.#loop = this.#run(first);
  }

  static async start(fields: NatsSubscriptionFields): Promise<NatsSubscription> {
    return new NatsSubscription(fields, await fields.open(false));
  }

  async stop(): Promise<void> {
    if (!this.#stopping) {
      this.#stopping = true;
      this.#wake?.();
      // Resolves once the loop has taken every buffered message (and handed them back).
      await this.#messages?.close();
    }
    await this.#loop;
    while (this.#running.size > 0) await Promise.allSettled([...this.#running]);
  }

  async #run(first: ConsumerMessages): Promise<void> {
    const { durable, logger } = this.#fields;
    let messages: ConsumerMessages | undefined = first;
    let failures = 0;
    while (!this.#stopping) {
      if (!messages) {
        try {
          messages = await this.#fields.open(true);
        } catch (error) {
          failures += 1;
          logger.warn(
            { durable, failures, ...errorFields(error) },
            'event consumer not started again; retrying',
          );
          await this.#pause(redeliveryDelayMs(failures, REOPEN_POLICY));
          continue;
        }
        logger.info({ durable }, 'event consumer started again');
        if (this.#stopping) {
          await messages.close();
          return;
        }
      }
      this.#messages = messages;
      const error = await this.#consume(messages);
      messages = undefined;
      if (this.#stopping) return;
      failures += 1;
      logger.warn(
        { durable, ...(error === undefined ? {} : errorFields(error)) },
        'event consumer stopped pulling; starting it again',
      );
      await this.#pause(redeliveryDelayMs(failures, REOPEN_POLICY));
    }
  }

  /** Handles messages until the pull ends; returns why, when it failed. */
  async #consume(messages: ConsumerMessages): Promise<unknown> {
    const { concurrency } = this.#fields;
    try {
      for await (const msg of messages) {
        while (!this.#stopping && this.#running.size >= concurrency) await Promise.race(this.#running);
        if (this.#stopping) {
          // Pulled but never started: hand it straight back so another replica can take it.
          settle(() => msg.nak());
          continue;
        }
        const task: Promise<void> = this.#handle(msg).finally(() => this.#running.delete(task));
        this.#running.add(task);
      }
      return undefined;
    } catch (error) {
      return error;
    }
  }

  /** Sleeps, or less when stop() is called meanwhile. */
  #pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.#wake = done;
    });
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
      settle(() => msg.term('payload is not JSON'));
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
        settle(() => msg.term(`failed after ${attempt} attempts`));
        return;
      }
      const delayMs = redeliveryDelayMs(attempt, this.#fields.redelivery);
      logger.warn(
        { ...fields, retryInMs: delayMs, ...errorFields(error) },
        'event handler failed; will redeliver',
      );
      settle(() => msg.nak(delayMs));
    }
  }

  /** Tells the server a long handler is still working, so ack_wait does not hand its job to another. */
  #keepAlive(msg: JsMsg): ReturnType<typeof setInterval> {
    const timer = setInterval(
      () => settle(() => msg.working()),
      Math.max(50, Math.floor(this.#fields.ackWaitMs / 3)),
    );
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

/**
 * A nak, term or progress signal that cannot reach the server changes nothing the server does not
 * already do (it redelivers after ack_wait); it must not throw out of a timer or a handler.
 */
function settle(signal: () => void): void {
  try {
    signal();
  } catch {
    // the connection is closed: the server redelivers on its own
  }
}
