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
}

export type MessageRole = 'user' | 'assistant';

export interface MessageCitation {
  documentId: string;
  chunkId?: string;
  title?: string;
}

/** What a caller appends; the store gives it its sequence number and time. */
export interface MessageInput {
  role: MessageRole;
  content: string;
  turnId?: string;
  /** A failed answer is recorded as failed, never as a reply. */
  status?: 'ok' | 'failed';
  promptVersion?: string;
  model?: string;
  citations?: MessageCitation[];
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
