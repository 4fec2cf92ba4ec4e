import { RagfleetError } from '@ragfleet/errors';

export interface TextLimits {
  /** Most texts one request may carry. */
  maxTexts: number;
  /** Longest text, in characters. */
  maxTextChars: number;
}

export const DEFAULT_TEXT_LIMITS: TextLimits = { maxTexts: 2048, maxTextChars: 32_768 };

function invalid(message: string, details: Record<string, unknown>): RagfleetError {
  return new RagfleetError('INVALID_ARGUMENT', message, { details });
}

/** Rejects what no model can embed, naming the offending field so a caller can fix it. */
export function validateTexts(texts: readonly string[], limits: TextLimits): void {
  if (texts.length === 0) throw invalid('texts must not be empty', { field: 'texts', reason: 'empty' });
  if (texts.length > limits.maxTexts) {
    throw invalid(`at most ${limits.maxTexts} texts per request`, {
      field: 'texts',
      reason: 'too_many',
      limit: limits.maxTexts,
      received: texts.length,
    });
  }
  texts.forEach((text, index) => {
    if (text.trim() === '')
      throw invalid(`texts[${index}] is empty`, { field: `texts[${index}]`, reason: 'empty' });
    if (text.length > limits.maxTextChars) {
      throw invalid(`texts[${index}] is longer than ${limits.maxTextChars} characters`, {
        field: `texts[${index}]`,
        reason: 'too_long',
        limit: limits.maxTextChars,
        received: text.length,
      });
    }
  });
}
