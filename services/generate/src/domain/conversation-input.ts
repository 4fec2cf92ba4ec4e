import { RagfleetError } from '@ragfleet/errors';
import type { ChatMessage } from './ports.ts';

/** How much conversation one request may carry (history or messages to fold, plus a summary). */
export interface ConversationLimits {
  maxMessages: number;
  /** Characters of every message and the summary together. */
  maxChars: number;
}

export const DEFAULT_CONVERSATION_LIMITS: ConversationLimits = { maxMessages: 200, maxChars: 200_000 };

export interface FieldProblem {
  field: string;
  message: string;
}

const ROLES: ReadonlySet<string> = new Set(['user', 'assistant']);

/** The messages as the wire gives them: the role is any string until checked here. */
export interface RawMessage {
  role: string;
  content: string;
}

/**
 * Checks a conversation's messages and summary against the limits; every problem is named by its
 * field (`history.3.role`), all of them at once, so a client fixes its request in one go.
 */
export function conversationProblems(
  messages: readonly RawMessage[],
  summary: string,
  limits: ConversationLimits,
  names: { messages: string; summary: string },
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (messages.length > limits.maxMessages) {
    problems.push({ field: names.messages, message: `at most ${limits.maxMessages} messages` });
  }
  for (const [i, message] of messages.entries()) {
    if (!ROLES.has(message.role)) {
      problems.push({ field: `${names.messages}.${i}.role`, message: 'must be "user" or "assistant"' });
    }
  }
  const chars = messages.reduce((sum, message) => sum + message.content.length, summary.length);
  if (chars > limits.maxChars) {
    problems.push({
      field: messages.length > 0 ? names.messages : names.summary,
      message: `messages and summary must be at most ${limits.maxChars} characters together (got ${chars})`,
    });
  }
  return problems;
}

/** INVALID_ARGUMENT naming every field at fault; nothing when there is none. */
export function throwIfProblems(problems: readonly FieldProblem[]): void {
  if (problems.length === 0) return;
  const first = problems[0] as FieldProblem;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  throw new RagfleetError('INVALID_ARGUMENT', `${first.field}: ${first.message}${more}`, {
    details: { fields: problems },
  });
}

/** The checked messages, typed: call after conversationProblems found nothing. */
export const asChatMessages = (messages: readonly RawMessage[]): ChatMessage[] =>
  messages.map((message) => ({ role: message.role as ChatMessage['role'], content: message.content }));
