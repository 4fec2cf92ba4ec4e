import { createEvent, fleetTopology, type EventBus, type StreamSpec } from '@ragfleet/events';
import type { AnswerEvent } from '../domain/answer-events.ts';

const defaultTopology = fleetTopology();
export const EVENTS_STREAM: StreamSpec = defaultTopology.streams.events;
export const GENERATION_COMPLETED_SUBJECT = defaultTopology.subjects.generationCompleted;
export const GENERATION_COMPLETED_TYPE = 'generate.answer.completed';

export interface GenerationCompleted {
  provider: string;
  model: string;
  promptVersion: string;
  finishReason: string;
  inputTokens: number;
  outputTokens: number;
  latencyMs: number;
}

interface PublisherLogger {
  warn(fields: object, message: string): void;
}

/**
 * Publishes `generate.answer.completed` when an answer finishes, for the router's cost ledger
 * and for analytics. Publishing never fails the answer: the caller already has it.
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

  async *observe(events: AsyncIterable<AnswerEvent>, tenant: string): AsyncGenerator<AnswerEvent> {
    const started = this.#now();
    let usage: Extract<AnswerEvent, { type: 'usage' }> | undefined;
    for await (const event of events) {
      if (event.type === 'usage') usage = event;
      if (event.type === 'done') {
        const data: GenerationCompleted = {
          provider: event.provider,
          model: event.model,
          promptVersion: event.promptVersion,
          finishReason: event.finishReason,
          inputTokens: usage?.inputTokens ?? 0,
          outputTokens: usage?.outputTokens ?? 0,
          latencyMs: Math.round(this.#now() - started),
        };
        const envelope = createEvent({ type: GENERATION_COMPLETED_TYPE, source: 'generate', tenant, data });
        this.#bus.publish(this.#subject, envelope).catch((error: unknown) => {
          this.#logger.warn({ err: String(error), event: envelope.id }, 'could not publish generation event');
        });
      }
      yield event;
    }
  }
}
