import { countTokens as countO200k } from 'gpt-tokenizer/encoding/o200k_base';

/**
 * Tokens of a text by o200k_base, the BPE of current OpenAI models. gpt-tokenizer ships its ranks,
 * so it counts offline and without a network call. Other vendors' tokenizers differ by some
 * percent: for them it is a close estimate, far better than characters divided by four, and the
 * settle at the provider's reported usage corrects what is left.
 */
export function countTokens(text: string): number {
  return text.length === 0 ? 0 : countO200k(text);
}
