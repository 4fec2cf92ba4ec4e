/** Who a session belongs to: taken from the caller's identity, never from a request body. */
export interface SessionOwner {
  tenant: string;
  user: string;
}

/** One session of one owner; every session-scoped call names both, so nobody reaches another's. */
export interface SessionRef extends SessionOwner {
  sessionId: string;
}

export interface SessionMetadata {
  title?: string;
  topic?: string;
  /** Free labels a client attaches (e.g. `support`, `billing`). */
  labels: string[];
}

export interface SessionRecord {
  id: string;
  tenant: string;
  user: string;
  metadata: SessionMetadata;
  /** Epoch milliseconds. */
  createdAt: number;
  /** Epoch milliseconds of the last appended message (creation until then); lists sort by it. */
  lastActivityAt: number;
  /** Every message ever appended, including those folded into the summary. */
  messageCount: number;
  /** The rolling summary of the messages no longer in the window; empty until the first one. */
  summary: string;
  /** How many of the oldest messages the summary stands for (the window starts after them). */
  summarizedMessageCount: number;
  /** The turn begun most recently, for a client that resumes without knowing its id. */
  lastTurnId?: string;
}

export type MessageRole = 'user' | 'assistant';

export interface MessageCitation {
  documentId: string;
  chunkId?: string;
  title?: string;
}

/**
 * A user message is `running` while its turn answers, then `ok` or `failed`: a failed answer is
 * recorded on the question, never as a reply.
 */
export type MessageStatus = 'running' | 'ok' | 'failed';

export interface MessageUsage {
  inputTokens: number;
  outputTokens: number;
}

/** What a caller appends; the store gives it its sequence number and time. */
export interface MessageInput {
  role: MessageRole;
  content: string;
  turnId?: string;
  status?: MessageStatus;
  /** The stable code (docs/errors.md) a failed turn ended with. */
  errorCode?: string;
  promptVersion?: string;
  model?: string;
  provider?: string;
  citations?: MessageCitation[];
  /** Of an assistant reply: what generating it cost. */
  usage?: MessageUsage;
  /** The content's length in tokens, counted once when it is appended. */
  tokens?: number;
}

export interface MessageRecord extends MessageInput {
  /** 1, 2, ... in the whole conversation; stays the same when older messages are summarized away. */
  seq: number;
  createdAt: number;
}

/** One event of a turn as it is streamed (`token`, `citations`, `done`, `error`, ...). */
export interface TurnEvent {
  type: string;
  [field: string]: unknown;
}

export interface SequencedTurnEvent {
  /** 1, 2, ... within the turn: what a resuming client passes back as `after`. */
  seq: number;
  event: TurnEvent;
}

/** `done` and `error` end a turn: its lock is released and followers stop. */
export function isTerminalEvent(event: TurnEvent): boolean {
  return event.type === 'done' || event.type === 'error';
}

export interface Page<T> {
  items: T[];
  /** Pass back to get the next page; absent on the last one. */
  nextCursor?: string;
}

/** Operator counts over every tenant: no session content. */
export interface SessionStats {
  activeSessions: number;
  messagesLastHour: number;
  turnsLastHour: number;
  summariesLastHour: number;
}
