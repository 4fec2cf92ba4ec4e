import type { EventBus, Subscription } from '@ragfleet/events';
import type { WeightsClient } from '@ragfleet/grpc';
import { startPeriodicTask, type PeriodicTask } from '@ragfleet/lifecycle';
import type { Logger } from '@ragfleet/telemetry';
import type { WeightsHolder, WeightsOffer } from '../domain/weights/weights-holder.ts';

export interface WeightsFeedOptions {
  holder: WeightsHolder;
  client: WeightsClient;
  bus: EventBus;
  /** fleetTopology(ns).subjects.weightsActivated. */
  subject: string;
  /** This replica's own durable (durables.weightsReplica + '-' + REPLICA_ID): every replica gets every activation. */
  durable: string;
  pollMs: number;
  logger: Logger;
  /** First retry delay of the start read; it doubles up to maxRetryMs. */
  firstRetryMs?: number;
  maxRetryMs?: number;
}

/** A WeightsVersion as it travels: the proto's JSON, camelCase or snake_case. */
export function offerOf(data: unknown): WeightsOffer | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const record = data as Record<string, unknown>;
  const factors = Array.isArray(record.factors) ? record.factors : [];
  return {
    version: typeof record.version === 'string' ? record.version : '',
    factors: factors.map((factor) => {
      const f = (factor ?? {}) as Record<string, unknown>;
      return { name: String(f.name ?? ''), weight: typeof f.weight === 'number' ? f.weight : Number.NaN };
    }),
    createdAt: String(record.createdAt ?? record.created_at ?? ''),
    origin: String(record.origin ?? ''),
  };
}

/**
 * Keeps the holder on feedback's active weights, three ways: a read at start (retried with
 * backoff in the background, scoring with the seed meanwhile), every weightsActivated event
 * through this replica's durable consumer (no restart), and a poll every pollMs as a backstop
 * for a missed event or an embedded fleet without NATS, where events do not cross processes.
 */
export class WeightsFeed {
  readonly #o: Required<WeightsFeedOptions>;
  #subscription: Subscription | undefined;
  #poll: PeriodicTask | undefined;
  #retry: NodeJS.Timeout | undefined;
  #wake: (() => void) | undefined;
  #stopped = false;
  #startRead: Promise<void> | undefined;

  constructor(options: WeightsFeedOptions) {
    this.#o = { firstRetryMs: 250, maxRetryMs: 10_000, ...options };
  }

  /** Resolves once subscribed; the start read goes on in the background until it succeeds. */
  async start(): Promise<void> {
    const { bus, subject, durable, holder, logger, pollMs } = this.#o;
    this.#startRead = this.#readUntilAnswered();
    this.#subscription = await bus.subscribe<unknown>(subject, { durable, concurrency: 1 }, async (event) => {
      const offer = offerOf(event.data);
      // A malformed activation is refused and counted by the holder; acking it keeps it from
      // being redelivered forever, and the poll still corrects the weights.
      const result = offer ? holder.offer(offer, 'event') : 'refused';
      logger.info({ version: offer?.version, result }, 'weights activation received');
    });
    this.#poll = startPeriodicTask('weights poll', pollMs, () => this.refresh('poll'), logger);
  }

  /** The first successful start read (tests wait on it). */
  get startRead(): Promise<void> {
    return this.#startRead ?? Promise.resolve();
  }

  /** Reads the active version from feedback once and offers it (as the authority). */
  async refresh(via: string): Promise<void> {
    const response = await this.#o.client.getActiveWeights();
    const offer = offerOf(response.weights);
    if (!offer) throw new Error('GetActiveWeights answered without weights');
    const result = this.#o.holder.offer(offer, via, true);
    if (result === 'taken') this.#o.logger.info({ version: offer.version, via }, 'weights version taken');
  }

  async #readUntilAnswered(): Promise<void> {
    let delay = this.#o.firstRetryMs;
    for (let attempt = 1; !this.#stopped; attempt++) {
      try {
        await this.refresh('start');
        return;
      } catch (error) {
        this.#o.logger.warn(
          { attempt, retryInMs: delay, err: error instanceof Error ? error.message : String(error) },
          `feedback did not answer GetActiveWeights: scoring with the seed weights (${this.#o.holder.weights.version}) until it does`,
        );
      }
      await new Promise<void>((resolve) => {
        this.#wake = resolve;
        this.#retry = setTimeout(resolve, delay);
        this.#retry.unref();
      });
      delay = Math.min(delay * 2, this.#o.maxRetryMs);
    }
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#retry);
    this.#wake?.();
    await this.#poll?.stop();
    await this.#subscription?.stop();
  }
}
