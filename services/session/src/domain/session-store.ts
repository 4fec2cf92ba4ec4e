import type {
  MessageInput,
  MessageRecord,
  MessageStatus,
  Page,
  SequencedTurnEvent,
  SessionMetadata,
  SessionOwner,
  SessionRecord,
  SessionRef,
  SessionStats,
  TurnEvent,
} from './records.ts';

export interface StoreTimings {
  /** Sliding inactivity TTL of a session; every append (and touch) starts it again. */
  sessionTtlMs: number;
  /** How long a turn's event buffer lives after its last event: long enough to resume. */
  turnEventTtlMs: number;
}

export interface ListOptions {
  cursor?: string;
  limit?: number;
}

export interface FollowOptions {
  /** The follow fails with DEADLINE_EXCEEDED when the turn has not ended by then. */
  timeoutMs: number;
  signal?: AbortSignal;
}

/**
 * Where sessions live. Every call names its owner: a session of another user or tenant, an
 * unknown one and an expired one are all the same NOT_FOUND (SESSION_NOT_FOUND reason), so that
 * nobody can probe for others' sessions. Writes are atomic per call, so two replicas sharing one
 * store never lose a message or hand out a sequence number twice.
 */
export interface SessionStore {
  create(owner: SessionOwner, metadata: SessionMetadata): Promise<SessionRecord>;
  get(ref: SessionRef): Promise<SessionRecord>;
  /** The owner's sessions, newest activity first. */
  list(owner: SessionOwner, options?: ListOptions): Promise<Page<SessionRecord>>;
  delete(ref: SessionRef): Promise<void>;

  /** Appends one message: its seq, the message count and the last activity move together. */
  appendMessage(ref: SessionRef, message: MessageInput): Promise<MessageRecord>;
  /**
   * Settles a message's turn: `ok` or `failed` with its error code. A message already summarized
   * away is left as it was (its turn ended long ago).
   */
  setMessageStatus(ref: SessionRef, seq: number, status: MessageStatus, errorCode?: string): Promise<void>;
  /** The messages still in the window (not yet summarized), oldest first. */
  messages(ref: SessionRef, options?: ListOptions): Promise<Page<MessageRecord>>;
  /**
   * The rolling summary: `summary` now covers every message up to `throughSeq`, which leave the
   * window in the same atomic step. Naming the last summarized seq (rather than "keep N") means a
   * message appended while the summary was being written is never dropped unsummarized.
   */
  replaceWindow(ref: SessionRef, window: { summary: string; throughSeq: number }): Promise<SessionRecord>;
  /** Restarts the sliding TTL without counting as activity. */
  touch(ref: SessionRef): Promise<void>;

  /**
   * Starts a turn and takes the session's turn lock: CONFLICT while
   * another turn runs. The lock ends with the turn's done/error event, or after `lockMs`.
   */
  beginTurn(ref: SessionRef, lockMs: number): Promise<{ turnId: string }>;
  /**
   * Buffers one event of a running turn and returns its seq (1, 2, ...). With `seq` (what the
   * turn's one writer expects it to be) the append is idempotent: a write that already took
   * place (a command Redis ran and the client sent again after a dropped connection) is not
   * written twice, so the buffer never holds an event the live stream lacks.
   */
  appendTurnEvent(ref: SessionRef, turnId: string, event: TurnEvent, seq?: number): Promise<number>;
  /** The buffered events after `afterSeq`, in order. */
  readTurnEvents(ref: SessionRef, turnId: string, afterSeq: number): Promise<SequencedTurnEvent[]>;
  /**
   * Every event after `afterSeq` exactly once, in order: first what is buffered, then live ones as
   * they are appended (by any replica), ending after the done/error event.
   */
  followTurn(
    ref: SessionRef,
    turnId: string,
    afterSeq: number,
    options: FollowOptions,
  ): AsyncIterable<SequencedTurnEvent>;

  /** Active sessions now; messages, turns and summaries of the last 60 minutes. */
  stats(): Promise<SessionStats>;

  close(): Promise<void>;
}
