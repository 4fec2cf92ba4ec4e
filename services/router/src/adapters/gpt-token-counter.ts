import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import type { TokenCounter } from '../domain/ports.ts';

/**
 * Tokens by o200k_base (gpt-tokenizer ships its ranks, so it works offline, as in session).
 * Other models' tokenizers differ by some percent: close enough for a length feature.
 */
export const gptTokenCounter: TokenCounter = (text) => countTokens(text);
