import { toRagfleetError } from '@ragfleet/errors';
import { counter, histogram, type Registry } from '@ragfleet/telemetry';
import type { AnswerEvent } from './domain/answer-events.ts';

const TOKENS_PER_SECOND_BUCKETS = [1, 5, 10, 20, 50, 100, 200, 500, 1_000, 5_000, 20_000];

/** The generate service's metrics, read off the answer events as they pass. */
export class AnswerMetrics {
  readonly #answers;
  readonly #fallbacks;
  readonly #firstToken;
  readonly #tokens;
  readonly #passageFlags;
  readonly #tokensPerSecond;
  readonly #now: () => number;

  constructor(registry: Registry, now: () => number = () => performance.now()) {
    this.#now = now;
    this.#answers = counter(
      registry,
      'ragfleet_generate_answers_total',
      'Answers finished, by provider ("cache" for a response cache hit) and outcome.',
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
    this.#tokensPerSecond = histogram(
      registry,
      'ragfleet_generate_output_tokens_per_second',
      "One answer's output tokens over the time from its first token to its usage report (the model's streaming speed).",
      [],
      TOKENS_PER_SECOND_BUCKETS,
    );
  }

  async *observe(events: AsyncIterable<AnswerEvent>): AsyncGenerator<AnswerEvent> {
    const started = this.#now();
    let provider = 'none';
    let sawToken = false;
    let firstTokenAt = 0;
    let outcome = 'cancelled';
    try {
      for await (const event of events) {
        if (event.type === 'status' && event.stage === 'generating' && event.provider)
          provider = event.provider;
        // A replayed answer called no provider: its answers count under "cache".
        if (event.type === 'status' && event.stage === 'cache') provider = 'cache';
        if (event.type === 'status' && event.stage === 'fallback')
          this.#fallbacks.inc({ from: event.provider ?? 'unknown' });
        if (event.type === 'status' && event.stage === 'guard') {
          for (const passage of event.flagged ?? [])
            for (const reason of passage.reasons) this.#passageFlags.inc({ reason });
        }
        if (event.type === 'token' && !sawToken) {
          sawToken = true;
          firstTokenAt = this.#now();
          this.#firstToken.observe((firstTokenAt - started) / 1000);
        }
        if (event.type === 'usage') {
          this.#tokens.inc({ direction: 'input' }, event.inputTokens);
          this.#tokens.inc({ direction: 'output' }, event.outputTokens);
          // A one-token answer, or one streamed within a millisecond, says nothing about speed.
          const streamingSeconds = (this.#now() - firstTokenAt) / 1000;
          if (sawToken && event.outputTokens > 1 && streamingSeconds >= 0.001)
            this.#tokensPerSecond.observe(event.outputTokens / streamingSeconds);
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
