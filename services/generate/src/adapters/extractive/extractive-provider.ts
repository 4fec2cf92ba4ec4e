import { afterPendingWork } from '../../domain/coalesce-tokens.ts';
import type {
  AnswerContext,
  ChatChunk,
  ChatProvider,
  ChatRequest,
  SuggestContext,
  SummaryContext,
} from '../../domain/ports.ts';
import {
  DEFAULT_EXTRACTIVE_OPTIONS,
  composeExtractiveAnswer,
  type ExtractiveOptions,
} from './extractive-answer.ts';
import { composeExtractiveSuggestions } from './extractive-suggestions.ts';
import { composeExtractiveSummary } from './extractive-summary.ts';
import { countWords } from './terms.ts';

export const EXTRACTIVE_MODEL = 'extractive-v1';

const wordsOf = (messages: readonly { content: string }[] = []) =>
  messages.reduce((sum, message) => sum + countWords(message.content), 0);

/**
 * The offline default provider: not a language model, an extractive answerer that quotes the
 * most relevant retrieved units with their citation markers. It streams the answer one quoted
 * unit (a sentence, a table row, a code block) at a time and lets the event loop turn between
 * them. That turn is what makes the answer arrive in several events: coalesceTokens merges only
 * tokens that are ready within one turn (its win for real models, which deliver bursts of tiny
 * tokens, stays), so a part per turn crosses every hop as its own event, while a whole sentence
 * per event keeps the per-event cost low (a few events per answer, not one per word).
 * Asked for a summary, it quotes the conversation's key sentences (extractive-summary.ts); asked
 * for suggestions, it writes the JSON array of the actions the passages mention
 * (extractive-suggestions.ts).
 */
export class ExtractiveProvider implements ChatProvider {
  readonly name = 'extractive';
  readonly #options: ExtractiveOptions;

  constructor(options: Partial<ExtractiveOptions> = {}) {
    this.#options = { ...DEFAULT_EXTRACTIVE_OPTIONS, ...options };
  }

  stream(request: ChatRequest, signal: AbortSignal): AsyncGenerator<ChatChunk> {
    const { context } = request;
    if (context.task === 'summary') return this.#summary(context, signal);
    if (context.task === 'suggest') return this.#suggest(context, signal);
    return this.#answer(context, signal);
  }

  async *#answer(context: AnswerContext, signal: AbortSignal): AsyncGenerator<ChatChunk> {
    const { query, passages } = context;
    const answer = composeExtractiveAnswer(query, passages, this.#options, context.searchQuery);
    const parts = answer.parts.length > 0 ? answer.parts.map((part) => part.text) : [answer.text];
    for (const [i, part] of parts.entries()) {
      if (i > 0) await afterPendingWork();
      signal.throwIfAborted();
      yield { token: part };
    }
    signal.throwIfAborted();
    // Word counts stand in for tokens: there is no tokenizer, and nothing is billed. What a model
    // would have read counts: the conversation too, though this answerer only scores passages.
    const inputTokens =
      countWords(query) +
      passages.reduce((sum, passage) => sum + countWords(passage.text), 0) +
      wordsOf(context.history) +
      countWords(context.summary ?? '');
    yield { usage: { inputTokens, outputTokens: countWords(answer.text) }, finishReason: 'stop' };
  }

  async *#summary(context: SummaryContext, signal: AbortSignal): AsyncGenerator<ChatChunk> {
    signal.throwIfAborted();
    const summary = composeExtractiveSummary(context.previousSummary, context.messages, context.maxWords);
    yield { token: summary };
    const inputTokens = countWords(context.previousSummary) + wordsOf(context.messages);
    yield { usage: { inputTokens, outputTokens: countWords(summary) }, finishReason: 'stop' };
  }

  async *#suggest(context: SuggestContext, signal: AbortSignal): AsyncGenerator<ChatChunk> {
    signal.throwIfAborted();
    const text = JSON.stringify(composeExtractiveSuggestions(context));
    yield { token: text };
    const inputTokens =
      countWords(context.subject) +
      context.passages.reduce((sum, passage) => sum + countWords(passage.text), 0);
    yield { usage: { inputTokens, outputTokens: countWords(text) }, finishReason: 'stop' };
  }
}
