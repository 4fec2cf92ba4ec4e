import type { ChatChunk, ChatProvider, ChatRequest } from '../../domain/ports.ts';
import {
  DEFAULT_EXTRACTIVE_OPTIONS,
  composeExtractiveAnswer,
  type ExtractiveOptions,
} from './extractive-answer.ts';
import { countWords } from './terms.ts';

export const EXTRACTIVE_MODEL = 'extractive-v1';

/**
 * The offline default provider: not a language model, an extractive answerer that quotes the
 * most relevant retrieved sentences with their citation markers. It streams word by word so
 * that callers see the same event shape as from a real model.
 */
export class ExtractiveProvider implements ChatProvider {
  readonly name = 'extractive';
  readonly #options: ExtractiveOptions;

  constructor(options: Partial<ExtractiveOptions> = {}) {
    this.#options = { ...DEFAULT_EXTRACTIVE_OPTIONS, ...options };
  }

  async *stream(request: ChatRequest, signal: AbortSignal): AsyncGenerator<ChatChunk> {
    const { query, passages } = request.context;
    const answer = composeExtractiveAnswer(query, passages, this.#options);
    const words = answer.text.match(/\s*\S+/g) ?? [];
    for (const word of words) {
      signal.throwIfAborted();
      yield { token: word };
    }
    // Word counts stand in for tokens: there is no tokenizer, and nothing is billed.
    const inputTokens =
      countWords(query) + passages.reduce((sum, passage) => sum + countWords(passage.text), 0);
    yield { usage: { inputTokens, outputTokens: words.length }, finishReason: 'stop' };
  }
}
