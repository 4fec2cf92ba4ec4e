import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { invalidField, isRagfleetError } from '@ragfleet/errors';
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
  storeUnavailable,
  turnFinished,
  turnInProgress,
  turnSeqGap,
} from '../domain/session-errors.ts';
import type { FollowOptions, ListOptions, SessionStore, StoreTimings } from '../domain/session-store.ts';
import {
  afterSeq as checkedAfterSeq,
  checkThroughSeq,
  decodeListCursor,
  decodeMessageCursor,
  encodeListCursor,
  encodeMessageCursor,
  isAfter,
  pageLimit,
  type ListPosition,
} from '../domain/store-inputs.ts';
import {
  APPEND_MESSAGE,
  APPEND_TURN_EVENT,
  BEGIN_TURN,
  DELETE_SESSION,
  READ_MESSAGES,
  READ_TURN_EVENTS,
  REPLACE_WINDOW,
  SET_MESSAGE_STATUS,
  TOUCH,
} from './redis-scripts.ts';
import { runScript } from '@ragfleet/redis-scripts';

export interface RedisSessionStoreOptions extends StoreTimings {
  /** Every key starts with it (e.g. `ragfleet:session:`), so tests and deployments can share a Redis. */
  keyPrefix: string;
}

/** How many index entries a list reads per round trip. */
const LIST_BATCH = 50;
/** A follower's XREAD blocks at most this long before it checks its deadline and signal again. */
const FOLLOW_BLOCK_MS = 1_000;

type StreamEntry = [id: string, fields: string[]];

/**
 * Sessions in Redis, shared by every replica: one hash per session, a list of its window's
 * messages, a sorted set per (tenant, user) for listing by last activity, a stream per turn, and a
 * SET NX PX turn lock. Every write is one Lua script (owner check included), and the sliding TTL
 * is PEXPIRE refreshed on each append or touch; Redis itself expires what goes idle.
 */
export class RedisSessionStore implements SessionStore {
  readonly #redis: Redis;
  readonly #options: RedisSessionStoreOptions;

  constructor(redis: Redis, options: RedisSessionStoreOptions) {
    this.#redis = redis;
    this.#options = options;
  }

  async create(owner: SessionOwner, metadata: SessionMetadata): Promise<SessionRecord> {
    const now = Date.now();
    const record: SessionRecord = {
      id: randomUUID(),
      tenant: owner.tenant,
      user: owner.user,
      metadata,
      createdAt: now,
      lastActivityAt: now,
      messageCount: 0,
      summary: '',
      summarizedMessageCount: 0,
    };
    const ttl = this.#options.sessionTtlMs;
    const key = this.#sessionKey(record.id);
    const index = this.#indexKey(owner);
    await this.#call(() =>
      this.#redis
        .multi()
        .hset(key, toHash(record))
        .pexpire(key, ttl)
        .set(`${key}:owner`, `${owner.tenant}\n${owner.user}`, 'PX', ttl + EXPIRED_TOMBSTONE_MS)
        .zadd(index, now, record.id)
        .pexpire(index, ttl)
        .zadd(this.#activeKey(), now, record.id)
        .pexpire(this.#activeKey(), ttl)
        .exec(),
    );
    return record;
  }

  async get(ref: SessionRef): Promise<SessionRecord> {
    const key = this.#sessionKey(ref.sessionId);
    const [hash, owner] = await this.#call(() =>
      Promise.all([this.#redis.hgetall(key), this.#redis.get(`${key}:owner`)]),
    );
    const record = fromHash(ref.sessionId, hash);
    if (record && record.tenant === ref.tenant && record.user === ref.user) return record;
    if (!record && owner === `${ref.tenant}\n${ref.user}`) throw sessionExpired(ref.sessionId);
    throw sessionNotFound(ref.sessionId);
  }

  async list(owner: SessionOwner, options: ListOptions = {}): Promise<Page<SessionRecord>> {
    const limit = pageLimit(options.limit);
    const position = decodeListCursor(options.cursor);
    const index = this.#indexKey(owner);
    const found: SessionRecord[] = [];
    const stale: string[] = [];
    for await (const ids of this.#indexBatches(index, position)) {
      const hashes = await this.#call(async () => {
        const pipeline = this.#redis.pipeline();
        for (const id of ids) pipeline.hgetall(this.#sessionKey(id));
        return (await pipeline.exec()) ?? [];
      });
      ids.forEach((id, i) => {
        const record = fromHash(id, hashes[i]?.[1] as Record<string, string> | undefined);
        if (record && record.tenant === owner.tenant && record.user === owner.user) found.push(record);
        else stale.push(id);
      });
      if (found.length > limit) break;
    }
    // Sessions that expired by TTL leave their index entry behind; drop it once seen.
    if (stale.length > 0) await this.#call(() => this.#redis.zrem(index, ...stale));
    const items = found.slice(0, limit);
    const last = items.at(-1);
    return found.length > limit && last ? { items, nextCursor: encodeListCursor(last) } : { items };
  }

  async delete(ref: SessionRef): Promise<void> {
    const id = ref.sessionId;
    await this.#script(
      DELETE_SESSION,
      [
        this.#sessionKey(id),
        this.#messagesKey(id),
        this.#lockKey(id),
        this.#indexKey(ref),
        this.#activeKey(),
      ],
      [ref.tenant, ref.user, id],
      ref,
    );
  }

  async appendMessage(ref: SessionRef, message: MessageInput): Promise<MessageRecord> {
    const id = ref.sessionId;
    const json = await this.#script(
      APPEND_MESSAGE,
      [
        this.#sessionKey(id),
        this.#messagesKey(id),
        this.#indexKey(ref),
        this.#activeKey(),
        this.#activityKey('messages'),
      ],
      [ref.tenant, ref.user, Date.now(), this.#options.sessionTtlMs, JSON.stringify(message).slice(1), id],
      ref,
    );
    return JSON.parse(json as string) as MessageRecord;
  }

  async setMessageStatus(
    ref: SessionRef,
    seq: number,
    status: MessageStatus,
    errorCode?: string,
  ): Promise<void> {
    const id = ref.sessionId;
    await this.#script(
      SET_MESSAGE_STATUS,
      [this.#sessionKey(id), this.#messagesKey(id)],
      [ref.tenant, ref.user, seq, status, errorCode ?? ''],
      ref,
    );
  }

  async messages(ref: SessionRef, options: ListOptions = {}): Promise<Page<MessageRecord>> {
    const limit = pageLimit(options.limit);
    const after = decodeMessageCursor(options.cursor);
    const id = ref.sessionId;
    const rows = (await this.#script(
      READ_MESSAGES,
      [this.#sessionKey(id), this.#messagesKey(id)],
      [ref.tenant, ref.user, after, limit + 1],
      ref,
    )) as string[];
    const items = rows.slice(0, limit).map((row) => JSON.parse(row) as MessageRecord);
    const last = items.at(-1);
    return rows.length > limit && last ? { items, nextCursor: encodeMessageCursor(last.seq) } : { items };
  }

  async replaceWindow(
    ref: SessionRef,
    window: { summary: string; throughSeq: number },
  ): Promise<SessionRecord> {
    checkThroughSeq(window.throughSeq, Number.MAX_SAFE_INTEGER);
    const id = ref.sessionId;
    const flat = (await this.#script(
      REPLACE_WINDOW,
      [this.#sessionKey(id), this.#messagesKey(id), this.#activityKey('summaries')],
      [ref.tenant, ref.user, window.summary, window.throughSeq],
      ref,
    )) as string[];
    const hash: Record<string, string> = {};
    for (let i = 0; i + 1 < flat.length; i += 2) hash[flat[i] as string] = flat[i + 1] as string;
    const record = fromHash(id, hash);
    if (!record) throw sessionNotFound(id);
    return record;
  }

  async touch(ref: SessionRef): Promise<void> {
    const id = ref.sessionId;
    await this.#script(
      TOUCH,
      [this.#sessionKey(id), this.#messagesKey(id), this.#indexKey(ref)],
      [ref.tenant, ref.user, this.#options.sessionTtlMs],
      ref,
    );
  }

  async beginTurn(ref: SessionRef, lockMs: number): Promise<{ turnId: string }> {
    const turnId = randomUUID();
    const id = ref.sessionId;
    await this.#script(
      BEGIN_TURN,
      [this.#sessionKey(id), this.#lockKey(id), this.#activityKey('turns')],
      [ref.tenant, ref.user, turnId, lockMs],
      ref,
    );
    return { turnId };
  }

  async appendTurnEvent(
    ref: SessionRef,
    turnId: string,
    event: TurnEvent,
    expectedSeq?: number,
  ): Promise<number> {
    const id = ref.sessionId;
    const seq = await this.#script(
      APPEND_TURN_EVENT,
      [this.#sessionKey(id), this.#eventsKey(id, turnId), this.#lockKey(id)],
      [
        ref.tenant,
        ref.user,
        turnId,
        JSON.stringify(event),
        isTerminalEvent(event) ? '1' : '0',
        this.#options.turnEventTtlMs,
        expectedSeq ?? '',
      ],
      ref,
      turnId,
    );
    return Number(seq);
  }

  async readTurnEvents(ref: SessionRef, turnId: string, afterSeq: number): Promise<SequencedTurnEvent[]> {
    const after = checkedAfterSeq(afterSeq);
    const id = ref.sessionId;
    const entries = (await this.#script(
      READ_TURN_EVENTS,
      [this.#sessionKey(id), this.#eventsKey(id, turnId)],
      [ref.tenant, ref.user, after],
      ref,
    )) as StreamEntry[];
    return entries.map(toSequenced);
  }

  async *followTurn(
    ref: SessionRef,
    turnId: string,
    afterSeq: number,
    options: FollowOptions,
  ): AsyncIterable<SequencedTurnEvent> {
    const deadline = Date.now() + options.timeoutMs;
    let after = checkedAfterSeq(afterSeq);
    // The owner check, and whatever is buffered already.
    for (const item of await this.readTurnEvents(ref, turnId, after)) {
      yield item;
      after = item.seq;
      if (isTerminalEvent(item.event)) return;
    }
    // XREAD BLOCK holds its connection, so a follower gets its own.
    const reader = this.#redis.duplicate({ lazyConnect: true, enableOfflineQueue: true });
    try {
      await this.#call(() => reader.connect());
      const key = this.#eventsKey(ref.sessionId, turnId);
      for (;;) {
        const remaining = deadline - Date.now();
        if (remaining <= 0) throw followTimedOut(turnId, options.timeoutMs);
        options.signal?.throwIfAborted();
        const block = Math.max(1, Math.min(remaining, FOLLOW_BLOCK_MS));
        const reply = await this.#call(() =>
          reader.xread('COUNT', 100, 'BLOCK', block, 'STREAMS', key, `0-${after}`),
        );
        for (const item of (reply?.[0]?.[1] ?? []).map(toSequenced)) {
          yield item;
          after = item.seq;
          if (isTerminalEvent(item.event)) return;
        }
      }
    } finally {
      reader.disconnect();
    }
  }

  async stats(): Promise<SessionStats> {
    const now = Date.now();
    const active = this.#activeKey();
    const since = now - this.#options.sessionTtlMs;
    const minute = Math.floor(now / 60_000);
    const hour = (kind: string) => Array.from({ length: 60 }, (_, i) => this.#activityKey(kind, minute - i));
    const replies = await this.#call(async () => {
      const pipeline = this.#redis.pipeline();
      // Entries of sessions that went idle are dropped here, the one place that reads them.
      pipeline.zremrangebyscore(active, '-inf', `(${since}`);
      pipeline.zcard(active);
      for (const kind of ['messages', 'turns', 'summaries']) pipeline.mget(...hour(kind));
      return (await pipeline.exec()) ?? [];
    });
    const total = (i: number) =>
      ((replies[i]?.[1] as (string | null)[] | undefined) ?? []).reduce((sum, n) => sum + Number(n ?? 0), 0);
    return {
      activeSessions: Number(replies[1]?.[1] ?? 0),
      messagesLastHour: total(2),
      turnsLastHour: total(3),
      summariesLastHour: total(4),
    };
  }

  /** The Redis connection belongs to whoever made it; closing the store leaves it open. */
  async close(): Promise<void> {}

  /** Index entries after `position`, in list order, a batch at a time. */
  async *#indexBatches(index: string, position: ListPosition | undefined): AsyncGenerator<string[]> {
    if (position) {
      const score = position.lastActivityAt;
      const tied = await this.#call(() => this.#redis.zrangebyscore(index, score, score));
      const after = tied.filter((id) => isAfter({ lastActivityAt: score, id }, position)).reverse();
      if (after.length > 0) yield after;
    }
    const max = position ? `(${position.lastActivityAt}` : '+inf';
    for (let offset = 0; ; offset += LIST_BATCH) {
      const ids = await this.#call(() =>
        this.#redis.zrevrangebyscore(index, max, '-inf', 'LIMIT', offset, LIST_BATCH),
      );
      if (ids.length > 0) yield ids;
      if (ids.length < LIST_BATCH) return;
    }
  }

  /** Runs a script; its error replies become the domain's errors. */
  async #script(
    lua: string,
    keys: string[],
    args: (string | number)[],
    ref: SessionRef,
    turnId = '',
  ): Promise<unknown> {
    try {
      return await runScript(this.#redis, lua, keys, args);
    } catch (error) {
      // Redis 7 may put `ERR ` before a script's error reply.
      const reply = error instanceof Error ? error.message.replace(/^ERR /, '') : '';
      if (reply.startsWith('SESSION_NOT_FOUND')) throw sessionNotFound(ref.sessionId);
      if (reply.startsWith('SESSION_EXPIRED')) throw sessionExpired(ref.sessionId);
      if (reply.startsWith('TURN_IN_PROGRESS')) throw turnInProgress(ref.sessionId);
      if (reply.startsWith('TURN_FINISHED')) throw turnFinished(ref.sessionId, turnId);
      if (reply.startsWith('TURN_SEQ_GAP')) throw turnSeqGap(turnId, Number(reply.split(' ')[1]));
      if (reply.startsWith('BAD_THROUGH_SEQ')) {
        throw invalidField('through_seq', `must be an integer from 0 to ${reply.split(' ')[1]}`);
      }
      throw storeUnavailable(error);
    }
  }

  async #call<T>(command: () => Promise<T>): Promise<T> {
    try {
      return await command();
    } catch (error) {
      throw isRagfleetError(error) ? error : storeUnavailable(error);
    }
  }

  #sessionKey(id: string): string {
    return `${this.#options.keyPrefix}session:${id}`;
  }
  #messagesKey(id: string): string {
    return `${this.#sessionKey(id)}:messages`;
  }
  #lockKey(id: string): string {
    return `${this.#sessionKey(id)}:turn-lock`;
  }
  #eventsKey(id: string, turnId: string): string {
    return `${this.#sessionKey(id)}:turn:${turnId}`;
  }
  /** Every session by its last activity: what the active-sessions count reads. */
  #activeKey(): string {
    return `${this.#options.keyPrefix}active`;
  }
  /** One counter per kind and minute, kept two hours: the last hour's activity. */
  #activityKey(kind: string, minute = Math.floor(Date.now() / 60_000)): string {
    return `${this.#options.keyPrefix}activity:${kind}:${minute}`;
  }
  /** Tenant and user are encoded, so `a:b` + `c` and `a` + `b:c` never share a key. */
  #indexKey(owner: SessionOwner): string {
    return `${this.#options.keyPrefix}sessions:${encodeURIComponent(owner.tenant)}:${encodeURIComponent(owner.user)}`;
  }
}

function toHash(record: SessionRecord): Record<string, string> {
  return {
    tenant: record.tenant,
    user: record.user,
    metadata: JSON.stringify(record.metadata),
    createdAt: String(record.createdAt),
    lastActivityAt: String(record.lastActivityAt),
    messageCount: String(record.messageCount),
    summary: record.summary,
    summarizedMessageCount: String(record.summarizedMessageCount),
  };
}

/** A session hash as a record; undefined when the hash is gone (expired or deleted). */
function fromHash(id: string, hash: Record<string, string> | undefined): SessionRecord | undefined {
  if (!hash || hash.tenant === undefined || hash.user === undefined) return undefined;
  return {
    id,
    tenant: hash.tenant,
    user: hash.user,
    metadata: JSON.parse(hash.metadata ?? '{"labels":[]}') as SessionMetadata,
    createdAt: Number(hash.createdAt),
    lastActivityAt: Number(hash.lastActivityAt),
    messageCount: Number(hash.messageCount),
    summary: hash.summary ?? '',
    summarizedMessageCount: Number(hash.summarizedMessageCount ?? 0),
    ...(hash.lastTurnId ? { lastTurnId: hash.lastTurnId } : {}),
  };
}

function toSequenced([id, fields]: StreamEntry): SequencedTurnEvent {
  const json = fields[fields.indexOf('e') + 1] ?? '{}';
  return { seq: Number(id.split('-')[1]), event: JSON.parse(json) as TurnEvent };
}
