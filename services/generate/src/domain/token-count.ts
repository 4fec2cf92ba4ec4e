import { countTokens as countO200k } from 'gpt-tokenizer/encoding/o200k_base';
import type { ChatRequest } from './ports.ts';

/**
 * Tokens of a text by o200k_base (gpt-tokenizer, offline). Other vendors' tokenizers differ by a
 * few percent: what is reserved is a close estimate, and the settle at the provider's usage
 * corrects it; it is only the count itself when a provider reports no usage.
 */
export function countTokens(text: string): number {
  return text.length === 0 ? 0 : countO200k(text);
}

/** The rendered prompt's tokens: the system prompt and every message the model reads. */
export function promptTokens(request: Pick<ChatRequest, 'system' | 'messages'>): number {
  return request.messages.reduce(
    (sum, message) => sum + countTokens(message.content),
    countTokens(request.system),
  );
}
