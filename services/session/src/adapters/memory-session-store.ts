import { randomUUID } from 'node:crypto';
import {
  isTerminalEvent,
  type MessageInput,
  type MessageRecord,
  type MessageStatus,
  type Page,
  type SequencedTurnEvent,
  type SessionMetadata,
  type SessionOwner,
  type SessionRecord,
  type SessionRef,
  type SessionStats,
  type TurnEvent,
} from '../domain/records.ts';
import {
  EXPIRED_TOMBSTONE_MS,
  followTimedOut,
  sessionExpired,
  sessionNotFound,
  turnFinished,
  turnInProgress,
  turnSeqGap,
} from '../domain/session-errors.ts';
import type { FollowOptions, ListOptions, SessionStore, StoreTimings } from '../domain/session-store.ts';
import {
  afterSeq as checkedAfterSeq,
  checkThroughSeq,
  compareListOrder,
  decodeListCursor,
  decodeMessageCursor,
  encodeListCursor,
  encodeMessageCursor,
  isAfter,
  pageLimit,
} from '../domain/store-inputs.ts';
import { MinuteCounts } from './minute-counts.ts';

interface StoredSession {
  record: SessionRecord;
  window: MessageRecord[];
  expiresAt: number;
  lock?: { turnId: string; expiresAt: number };
}

interface StoredTurn {
  events: SequencedTurnEvent[];
  expiresAt: number;
  /** Followers waiting for the next event. */
  waiters: Set<() => void>;
}

const copy = <T>(value: T): T => structuredClone(value);

/**
 * The embedded default (`pnpm start`, one process): expiry by timestamps, checked on every read,
 * with `sweep()` to free what expired (the service calls it every few minutes).
 */
export class MemorySessionStore implements SessionStore {
  readonly #timings: StoreTimings;
  readonly #sessions = new Map<string, StoredSession>();
  readonly #turns = new Map<string, StoredTurn>();
  /** Sessions that expired (not deleted), by id: their owner, until the tombstone lapses. */
  readonly #expired = new Map<string, SessionOwner & { until: number }>();
  readonly #activity = {
    messages: new MinuteCounts(),
    turns: new MinuteCounts(),
    summaries: new MinuteCounts(),
  };

  constructor(timings: StoreTimings) {
    this.#timings = timings;
  }

  async create(owner: SessionOwner, metadata: SessionMetadata): Promise<SessionRecord> {
    const now = Date.now();
    const record: SessionRecord = {
      id: randomUUID(),
      tenant: owner.tenant,
      user: owner.user,
      metadata: copy(metadata),
      createdAt: now,
      lastActivityAt: now,
      messageCount: 0,
      summary: '',
      summarizedMessageCount: 0,
    };
    this.#sessions.set(record.id, { record, window: [], expiresAt: now + this.#timings.sessionTtlMs });
    return copy(record);
  }

  async get(ref: SessionRef): Promise<SessionRecord> {
    return copy(this.#live(ref).record);
  }

  async list(owner: SessionOwner, options: ListOptions = {}): Promise<Page<SessionRecord>> {
    const limit = pageLimit(options.limit);
    const position = decodeListCursor(options.cursor);
    const now = Date.now();
    const own = [...this.#sessions.values()]
      .filter((s) => s.expiresAt > now && s.record.tenant === owner.tenant && s.record.user === owner.user)
      .map((s) => s.record)
      .sort(compareListOrder)
      .filter((record) => isAfter(record, position));
    const items = own.slice(0, limit).map(copy);
    const last = items.at(-1);
    return own.length > limit && last ? { items, nextCursor: encodeListCursor(last) } : { items };
  }

  async delete(ref: SessionRef): Promise<void> {
    this.#live(ref);
    this.#sessions.delete(ref.sessionId);
  }

  async appendMessage(ref: SessionRef, message: MessageInput): Promise<MessageRecord> {
    const session = this.#live(ref);
    const now = Date.now();
    session.record.messageCount += 1;
    session.record.lastActivityAt = now;
    session.expiresAt = now + this.#timings.sessionTtlMs;
    const stored: MessageRecord = { ...copy(message), seq: session.record.messageCount, createdAt: now };
    session.window.push(stored);
    this.#activity.messages.add(now);
    return copy(stored);
  }

  async setMessageStatus(
    ref: SessionRef,
    seq: number,
    status: MessageStatus,
    errorCode?: string,
  ): Promise<void> {
    const message = this.#live(ref).window.find((m) => m.seq === seq);
    if (!message) return;
    message.status = status;
    if (errorCode) message.errorCode = errorCode;
  }

  async messages(ref: SessionRef, options: ListOptions = {}): Promise<Page<MessageRecord>> {
    const limit = pageLimit(options.limit);
    const after = decodeMessageCursor(options.cursor);
    const rest = this.#live(ref).window.filter((m) => m.seq > after);
    const items = rest.slice(0, limit).map(copy);
    const last = items.at(-1);
    return rest.length > limit && last ? { items, nextCursor: encodeMessageCursor(last.seq) } : { items };
  }

  async replaceWindow(
    ref: SessionRef,
    window: { summary: string; throughSeq: number },
  ): Promise<SessionRecord> {
    const session = this.#live(ref);
    checkThroughSeq(window.throughSeq, session.record.messageCount);
    session.record.summary = window.summary;
    session.record.summarizedMessageCount = Math.max(
      session.record.summarizedMessageCount,
      window.throughSeq,
    );
    session.window = session.window.filter((m) => m.seq > window.throughSeq);
    this.#activity.summaries.add();
    return copy(session.record);
  }

  async touch(ref: SessionRef): Promise<void> {
    this.#live(ref).expiresAt = Date.now() + this.#timings.sessionTtlMs;
  }

  async beginTurn(ref: SessionRef, lockMs: number): Promise<{ turnId: string }> {
    const session = this.#live(ref);
    const now = Date.now();
    if (session.lock && session.lock.expiresAt > now) throw turnInProgress(ref.sessionId);
    const turnId = randomUUID();
    session.lock = { turnId, expiresAt: now + lockMs };
    session.record.lastTurnId = turnId;
    this.#activity.turns.add(now);
    return { turnId };
  }

  async appendTurnEvent(ref: SessionRef, turnId: string, event: TurnEvent, seq?: number): Promise<number> {
    const session = this.#live(ref);
    const turn = this.#turn(ref.sessionId, turnId, true);
    if (seq !== undefined && seq <= turn.events.length) return seq;
    const last = turn.events.at(-1);
    if (last && isTerminalEvent(last.event)) throw turnFinished(ref.sessionId, turnId);
    const next = turn.events.length + 1;
    if (seq !== undefined && seq !== next) throw turnSeqGap(turnId, next);
    turn.events.push({ seq: next, event: copy(event) });
    turn.expiresAt = Date.now() + this.#timings.turnEventTtlMs;
    if (isTerminalEvent(event) && session.lock?.turnId === turnId) delete session.lock;
    for (const wake of turn.waiters) wake();
    turn.waiters.clear();
    return next;
  }

  async readTurnEvents(ref: SessionRef, turnId: string, afterSeq: number): Promise<SequencedTurnEvent[]> {
    const after = checkedAfterSeq(afterSeq);
    this.#live(ref);
    return (this.#turn(ref.sessionId, turnId, false)?.events ?? []).filter((e) => e.seq > after).map(copy);
  }

  async *followTurn(
    ref: SessionRef,
    turnId: string,
    afterSeq: number,
    options: FollowOptions,
  ): AsyncIterable<SequencedTurnEvent> {
    const deadline = Date.now() + options.timeoutMs;
    let after = checkedAfterSeq(afterSeq);
    for (;;) {
      for (const item of await this.readTurnEvents(ref, turnId, after)) {
        yield item;
        after = item.seq;
        if (isTerminalEvent(item.event)) return;
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw followTimedOut(turnId, options.timeoutMs);
      options.signal?.throwIfAborted();
      await this.#nextEvent(ref.sessionId, turnId, after, remaining, options.signal);
    }
  }

  async stats(): Promise<SessionStats> {
    const now = Date.now();
    let activeSessions = 0;
    for (const session of this.#sessions.values()) if (session.expiresAt > now) activeSessions += 1;
    return {
      activeSessions,
      messagesLastHour: this.#activity.messages.lastHour(now),
      turnsLastHour: this.#activity.turns.lastHour(now),
      summariesLastHour: this.#activity.summaries.lastHour(now),
    };
  }

  /** Frees expired sessions and turn buffers; returns how many sessions went. */
  sweep(now = Date.now()): number {
    let swept = 0;
    for (const [id, session] of this.#sessions) {
      if (session.expiresAt <= now) {
        this.#expire(id, session);
        swept += 1;
      }
    }
    for (const [key, turn] of this.#turns) if (turn.expiresAt <= now) this.#turns.delete(key);
    for (const [id, tombstone] of this.#expired) if (tombstone.until <= now) this.#expired.delete(id);
    return swept;
  }

  async close(): Promise<void> {
    this.#sessions.clear();
    this.#turns.clear();
  }

  #live(ref: SessionRef): StoredSession {
    const session = this.#sessions.get(ref.sessionId);
    if (session && session.expiresAt <= Date.now()) this.#expire(ref.sessionId, session);
    const owned = session?.record.tenant === ref.tenant && session.record.user === ref.user;
    if (session && owned && session.expiresAt > Date.now()) return session;
    const tombstone = this.#expired.get(ref.sessionId);
    if (tombstone?.tenant === ref.tenant && tombstone.user === ref.user && tombstone.until > Date.now()) {
      throw sessionExpired(ref.sessionId);
    }
    throw sessionNotFound(ref.sessionId);
  }

  #expire(id: string, session: StoredSession): void {
    this.#sessions.delete(id);
    const { tenant, user } = session.record;
    this.#expired.set(id, { tenant, user, until: session.expiresAt + EXPIRED_TOMBSTONE_MS });
  }

  #turn(sessionId: string, turnId: string, create: true): StoredTurn;
  #turn(sessionId: string, turnId: string, create: false): StoredTurn | undefined;
  #turn(sessionId: string, turnId: string, create: boolean): StoredTurn | undefined {
    const key = `${sessionId}/${turnId}`;
    let turn = this.#turns.get(key);
    if (turn && turn.expiresAt <= Date.now()) {
      this.#turns.delete(key);
      turn = undefined;
    }
    if (!turn && create) {
      turn = { events: [], expiresAt: Date.now() + this.#timings.turnEventTtlMs, waiters: new Set() };
      this.#turns.set(key, turn);
    }
    return turn;
  }

  /**
   * Resolves once the turn has an event after `after`, after `ms`, or on abort, whichever is
   * first. An event appended since the follower last read resolves at once: no lost wake-up.
   */
  #nextEvent(
    sessionId: string,
    turnId: string,
    after: number,
    ms: number,
    signal?: AbortSignal,
  ): Promise<void> {
    const turn = this.#turn(sessionId, turnId, true);
    if (turn.events.length > after) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        turn.waiters.delete(done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      turn.waiters.add(done);
      signal?.addEventListener('abort', done, { once: true });
    });
  }
}
