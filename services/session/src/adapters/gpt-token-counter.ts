import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import type { TokenCounter } from '../domain/answerer.ts';

/**
 * Tokens by o200k_base, the BPE of current OpenAI models (gpt-tokenizer ships its ranks, so it
 * works offline). Other models' tokenizers differ by some percent; a budget counted here is a
 * close, never a character-based, estimate for them.
 */
export const gptTokenCounter: TokenCounter = (text) => countTokens(text);
