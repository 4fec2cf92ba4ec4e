import { randomUUID } from 'node:crypto';
import { createEvent, fleetTopology, type EventBus, type StreamSpec } from '@ragfleet/events';
import type { AnswerEvent } from '../domain/answer-events.ts';

const defaultTopology = fleetTopology();
export const EVENTS_STREAM: StreamSpec = defaultTopology.streams.events;
export const GENERATION_COMPLETED_SUBJECT = defaultTopology.subjects.generationCompleted;
export const GENERATION_COMPLETED_TYPE = 'generate.answer.completed';

/** What a generation was for: every model call generate makes is one, and each is paid for. */
export type GenerationTask = 'answer' | 'summary' | 'suggestion' | 'panel';

/**
 * The data of `generate.answer.completed` (on the subject generation.completed): one finished
 * generation, for the router's cost ledger (idempotent by generationId) and for analytics.
 */
export interface GenerationCompleted {
  /** A UUID per generation; also the envelope's id, so a redelivery carries the same one. */
  generationId: string;
  /** Absent from publishers older than summaries and suggestions in the ledger: an answer. */
  task: GenerationTask;
  tenant: string;
  /** The caller's user, when the call came through an authenticated gateway. */
  user?: string;
  /** The caller's API key id, when the identity carries one. */
  keyId?: string;
  provider: string;
  model: string;
  promptVersion: string;
  finishReason: string;
  inputTokens: number;
  outputTokens: number;
  /** At the model's catalog prices; 0 when cached or free. */
  costUsd: number;
  latencyMs: number;
  /** From the request reaching generate to the first answer token; 0 without tokens. */
  timeToFirstTokenMs: number;
  /** Replayed from the response cache: no model was called. */
  cached: boolean;
  /** Set when an experiment or a rollout chose this answer's variant. */
  experimentId?: string;
  variant?: string;
}

/** A summary's or a suggestion's model and what it used, as the unary use cases return them. */
export interface UnaryCompletion {
  provider: string;
  model: string;
  promptVersion: string;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
}

/** Who asked, as the gRPC call context tells it. */
export interface CompletionCaller {
  tenant: string;
  user?: string | undefined;
  keyId?: string | undefined;
}

interface PublisherLogger {
  warn(fields: object, message: string): void;
}

/**
 * Publishes `generate.answer.completed` when an answer, a summary or a suggestion finishes, for
 * the router's cost ledger and for analytics: every generation the budgets were charged for is
 * in the ledger too, so the two reconcile. Publishing never fails the call: the caller already
 * has its result.
 */
export class CompletionPublisher {
  readonly #bus: EventBus;
  readonly #logger: PublisherLogger;
  readonly #now: () => number;
  readonly #subject: string;

  constructor(
    bus: EventBus,
    logger: PublisherLogger,
    now: () => number = () => performance.now(),
    subject: string = GENERATION_COMPLETED_SUBJECT,
  ) {
    this.#bus = bus;
    this.#logger = logger;
    this.#now = now;
    this.#subject = subject;
  }

  async *observe(events: AsyncIterable<AnswerEvent>, caller: CompletionCaller): AsyncGenerator<AnswerEvent> {
    const started = this.#now();
    let usage: Extract<AnswerEvent, { type: 'usage' }> | undefined;
    for await (const event of events) {
      if (event.type === 'usage') usage = event;
      if (event.type === 'done') {
        // The variant hook names the answer first (its feedback is looked up by this id).
        const generationId = event.answerId ?? randomUUID();
        const { tenant, user, keyId } = caller;
        const data: GenerationCompleted = {
          generationId,
          task: 'answer',
          tenant,
          ...(user ? { user } : {}),
          ...(keyId ? { keyId } : {}),
          provider: event.provider,
          model: event.model,
          promptVersion: event.promptVersion,
          finishReason: event.finishReason,
          inputTokens: usage?.inputTokens ?? 0,
          outputTokens: usage?.outputTokens ?? 0,
          costUsd: event.costUsd,
          latencyMs: Math.round(this.#now() - started),
          timeToFirstTokenMs: event.timeToFirstTokenMs,
          cached: event.cached,
          ...(event.experimentId ? { experimentId: event.experimentId, variant: event.variant ?? '' } : {}),
        };
        this.#publish(data);
        yield { ...event, answerId: generationId };
        continue;
      }
      yield event;
    }
  }

  /** Runs a summary or a suggestion and publishes its generation when it returns. */
  async unary<T extends UnaryCompletion>(
    task: 'summary' | 'suggestion',
    caller: CompletionCaller,
    run: () => Promise<T>,
  ): Promise<T> {
    const started = this.#now();
    const result = await run();
    this.record(task, caller, result, this.#now() - started);
    return result;
  }

  /** Publishes one generation that was returned whole (a summary, a suggestion, a panel's specialist). */
  record(
    task: Exclude<GenerationTask, 'answer'>,
    caller: CompletionCaller,
    result: UnaryCompletion,
    latencyMs: number,
  ): void {
    const { tenant, user, keyId } = caller;
    this.#publish({
      generationId: randomUUID(),
      task,
      tenant,
      ...(user ? { user } : {}),
      ...(keyId ? { keyId } : {}),
      provider: result.provider,
      model: result.model,
      promptVersion: result.promptVersion,
      finishReason: 'stop',
      inputTokens: result.inputTokens,
      outputTokens: result.outputTokens,
      costUsd: result.costUsd,
      latencyMs: Math.round(latencyMs),
      // Returned whole, or streamed beside others: its first token is the panel's, not its own.
      timeToFirstTokenMs: 0,
      cached: false,
    });
  }

  #publish(data: GenerationCompleted): void {
    const envelope = createEvent({
      type: GENERATION_COMPLETED_TYPE,
      source: 'generate',
      tenant: data.tenant,
      data,
      id: data.generationId,
    });
    this.#bus.publish(this.#subject, envelope).catch((error: unknown) => {
      this.#logger.warn({ err: String(error), event: envelope.id }, 'could not publish generation event');
    });
  }
}
