import { toRagfleetError } from '@ragfleet/errors';
import { counter, histogram, type Registry } from '@ragfleet/telemetry';
import type { AnswerEvent } from './domain/answer-events.ts';

/** The generate service's metrics, read off the answer events as they pass. */
export class AnswerMetrics {
  readonly #answers;
  readonly #fallbacks;
  readonly #firstToken;
  readonly #tokens;
  readonly #passageFlags;
  readonly #now: () => number;

  constructor(registry: Registry, now: () => number = () => performance.now()) {
    this.#now = now;
    this.#answers = counter(
      registry,
      'ragfleet_generate_answers_total',
      'Answers finished, by provider and outcome.',
      ['provider', 'outcome'],
    );
    this.#fallbacks = counter(
      registry,
      'ragfleet_generate_fallbacks_total',
      'Falls back to the next model after a provider failed before its first token.',
      ['from'],
    );
    this.#firstToken = histogram(
      registry,
      'ragfleet_generate_time_to_first_token_seconds',
      'From the request to the first answer token.',
    );
    this.#tokens = counter(registry, 'ragfleet_generate_tokens_total', 'Model tokens, by direction.', [
      'direction',
    ]);
    this.#passageFlags = counter(
      registry,
      'ragfleet_generate_passage_guard_flags_total',
      'Retrieved passages the prompt-injection guard flagged, by heuristic (a passage counts once per heuristic).',
      ['reason'],
    );
  }

  async *observe(events: AsyncIterable<AnswerEvent>): AsyncGenerator<AnswerEvent> {
    const started = this.#now();
    let provider = 'none';
    let sawToken = false;
    let outcome = 'cancelled';
    try {
      for await (const event of events) {
        if (event.type === 'status' && event.stage === 'generating' && event.provider)
          provider = event.provider;
        if (event.type === 'status' && event.stage === 'fallback')
          this.#fallbacks.inc({ from: event.provider ?? 'unknown' });
        if (event.type === 'status' && event.stage === 'guard') {
          for (const passage of event.flagged ?? [])
            for (const reason of passage.reasons) this.#passageFlags.inc({ reason });
        }
        if (event.type === 'token' && !sawToken) {
          sawToken = true;
          this.#firstToken.observe((this.#now() - started) / 1000);
        }
        if (event.type === 'usage') {
          this.#tokens.inc({ direction: 'input' }, event.inputTokens);
          this.#tokens.inc({ direction: 'output' }, event.outputTokens);
        }
        if (event.type === 'done') outcome = 'ok';
        if (event.type === 'error') outcome = event.code.toLowerCase();
        yield event;
      }
    } catch (error) {
      outcome = toRagfleetError(error).code.toLowerCase();
      throw error;
    } finally {
      this.#answers.inc({ provider, outcome });
    }
  }
}
