import type { HistoryMessage, TokenCounter } from '../answerer.ts';
import type { MessageRecord } from '../records.ts';

export interface ConversationContext {
  summary: string;
  /** Oldest first. */
  history: HistoryMessage[];
  /** Tokens of the summary and the history together. */
  tokens: number;
}

/**
 * The context a turn sends with its question: the rolling summary first (it stands for every
 * message older than the window, so it is never dropped), then the most recent messages that
 * still fit the token budget. A question whose turn failed or still runs has no reply, and is
 * left out: the model would otherwise see an unanswered question as the conversation's state.
 */
export function contextWindow(
  summary: string,
  window: readonly MessageRecord[],
  budgetTokens: number,
  countTokens: TokenCounter,
): ConversationContext {
  let tokens = summary ? countTokens(summary) : 0;
  const kept: HistoryMessage[] = [];
  for (let i = window.length - 1; i >= 0; i--) {
    const message = window[i] as MessageRecord;
    if (message.status === 'failed' || message.status === 'running') continue;
    const cost = message.tokens ?? countTokens(message.content);
    if (tokens + cost > budgetTokens) break;
    tokens += cost;
    kept.push({ role: message.role, content: message.content });
  }
  return { summary, history: kept.reverse(), tokens };
}
