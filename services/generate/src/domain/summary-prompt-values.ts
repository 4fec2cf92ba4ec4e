import type { ChatMessage, SummaryPromptValues } from './ports.ts';
import { sealedQuote } from './sealed-quote.ts';

export const NO_PREVIOUS_SUMMARY = "(none: these are the conversation's first messages to be summarized)";

/**
 * What the summarization template names, with the previous summary and every message sealed as
 * quoted data: all of it derives from what users wrote.
 */
export function summaryPromptValues(
  previousSummary: string,
  messages: readonly ChatMessage[],
  maxWords: number,
): SummaryPromptValues {
  return {
    previous_summary:
      previousSummary.trim() === ''
        ? NO_PREVIOUS_SUMMARY
        : sealedQuote({ tag: 'summary', attributes: [], text: previousSummary }),
    messages: messages
      .map((message, i) =>
        sealedQuote({
          tag: 'message',
          attributes: [
            ['index', String(i + 1)],
            ['role', message.role],
          ],
          text: message.content,
        }),
      )
      .join('\n\n'),
    max_words: String(maxWords),
  };
}
