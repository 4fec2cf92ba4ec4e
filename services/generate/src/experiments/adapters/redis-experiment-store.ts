import type { Redis } from 'ioredis';
import {
  COUNTER_NAMES,
  ZERO_COUNTERS,
  type Assignment,
  type ChangeKind,
  type Counters,
  type DefaultOverride,
} from '../domain/records.ts';
import { ownerOf, type ChangeRecord, type ExperimentStore } from '../domain/store.ts';

/** Sets the record only if its stored revision is the expected one. */
const REPLACE = `
local current = redis.call('HGET', KEYS[1], 'revision')
if current ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'json', ARGV[2], 'revision', ARGV[3])
return 1`;

/** Deletes a key only if it still holds the given value (a family claim, a lease). */
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/** Takes a free lease or renews one's own. */
const LEASE = `
local holder = redis.call('GET', KEYS[1])
if holder and holder ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1`;

/**
 * The experiment store every generate replica shares: records as hashes {json, revision} with
 * compare-and-set in Lua, family claims and leases as SET NX keys, counters as HINCRBYFLOAT
 * fields, assignments as keys with a TTL. All keys start with the configured prefix.
 */
export class RedisExperimentStore implements ExperimentStore {
  readonly #redis: Redis;
  readonly #prefix: string;

  constructor(redis: Redis, prefix: string) {
    this.#redis = redis;
    this.#prefix = prefix;
  }

  #record(kind: ChangeKind, id: string) {
    return `${this.#prefix}${kind}:${id}`;
  }

  #index(kind: ChangeKind) {
    return `${this.#prefix}${kind}s`;
  }

  async get<K extends ChangeKind>(kind: K, id: string) {
    const [json, revision] = await this.#redis.hmget(this.#record(kind, id), 'json', 'revision');
    if (!json) return undefined;
    return { ...(JSON.parse(json) as ChangeRecord<K>), revision: Number(revision) };
  }

  async list<K extends ChangeKind>(kind: K) {
    const ids = await this.#redis.smembers(this.#index(kind));
    const records = await Promise.all(ids.map((id) => this.get(kind, id)));
    return records
      .filter((record): record is NonNullable<typeof record> => record !== undefined)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }

  async create<K extends ChangeKind>(kind: K, record: ChangeRecord<K>) {
    const familyKey = `${this.#prefix}family:${record.family}`;
    const owner = ownerOf(kind, record.id);
    const claimed = await this.#redis.set(familyKey, owner, 'NX');
    if (claimed !== 'OK') return { heldBy: (await this.#redis.get(familyKey)) ?? 'another change' };
    await this.#redis
      .multi()
      .hset(
        this.#record(kind, record.id),
        'json',
        JSON.stringify(record),
        'revision',
        String(record.revision),
      )
      .sadd(this.#index(kind), record.id)
      .exec();
    return { created: true as const };
  }

  async replace<K extends ChangeKind>(kind: K, record: ChangeRecord<K>, expected: number) {
    const next = { ...record, revision: expected + 1 };
    const done = await this.#redis.eval(
      REPLACE,
      1,
      this.#record(kind, record.id),
      String(expected),
      JSON.stringify(next),
      String(expected + 1),
    );
    return done === 1;
  }

  async releaseFamily(family: string, owner: string) {
    await this.#redis.eval(RELEASE, 1, `${this.#prefix}family:${family}`, owner);
  }

  async addCounters(bucket: string, variant: string, delta: Partial<Counters>) {
    const key = `${this.#prefix}counters:${bucket}`;
    const pipeline = this.#redis.pipeline();
    for (const name of COUNTER_NAMES) {
      const value = delta[name];
      if (value) pipeline.hincrbyfloat(key, `${variant}|${name}`, value);
    }
    await pipeline.exec();
  }

  async counters(bucket: string) {
    const fields = await this.#redis.hgetall(`${this.#prefix}counters:${bucket}`);
    const rows: Record<string, Counters> = {};
    for (const [field, value] of Object.entries(fields)) {
      const split = field.lastIndexOf('|');
      const variant = field.slice(0, split);
      const name = field.slice(split + 1) as keyof Counters;
      (rows[variant] ??= { ...ZERO_COUNTERS })[name] = Number(value);
    }
    return rows;
  }

  async assign(answerId: string, assignment: Assignment, ttlSeconds: number) {
    await this.#redis.set(
      `${this.#prefix}assignment:${answerId}`,
      JSON.stringify(assignment),
      'EX',
      ttlSeconds,
    );
  }

  async assignment(answerId: string) {
    const json = await this.#redis.get(`${this.#prefix}assignment:${answerId}`);
    return json ? (JSON.parse(json) as Assignment) : undefined;
  }

  async firstRating(answerId: string, ttlSeconds: number) {
    return (await this.#redis.set(`${this.#prefix}rated:${answerId}`, '1', 'EX', ttlSeconds, 'NX')) === 'OK';
  }

  async setDefault(family: string, override: DefaultOverride) {
    await this.#redis.hset(`${this.#prefix}defaults`, family, JSON.stringify(override));
  }

  async defaults() {
    const fields = await this.#redis.hgetall(`${this.#prefix}defaults`);
    return Object.fromEntries(
      Object.entries(fields).map(([family, json]) => [family, JSON.parse(json) as DefaultOverride]),
    );
  }

  async claimLease(name: string, holder: string, ttlMs: number) {
    return (await this.#redis.eval(LEASE, 1, `${this.#prefix}lease:${name}`, holder, String(ttlMs))) === 1;
  }

  async close() {
    this.#redis.disconnect();
  }
}
