import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

/** Counts a key's open streams; each open stream holds a lease until it is released. */
export interface StreamSlots {
  /** Takes a slot if fewer than `limit` are held; `active` counts the holders after the call. */
  acquire(key: string, limit: number, leaseId: string): Promise<{ allowed: boolean; active: number }>;
  /** Extends a held lease (long streams outlive the safety TTL otherwise). */
  renew(key: string, leaseId: string): Promise<void>;
  release(key: string, leaseId: string): Promise<void>;
}

export function newLeaseId(): string {
  return randomUUID();
}

/*
 * A sorted set per key: member = lease id, score = when the lease lapses (Redis clock, so replicas
 * agree). Lapsed leases are dropped before counting, so a gateway that died mid-stream frees its
 * slots after leaseMs instead of holding them forever: the TTL safety net.
 */
const ACQUIRE = `
if redis.replicate_commands then redis.replicate_commands() end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local active = redis.call('ZCARD', KEYS[1])
if active >= tonumber(ARGV[1]) then return {0, active} end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return {1, active + 1}
`;

const RENEW = `
if redis.replicate_commands then redis.replicate_commands() end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
if redis.call('ZADD', KEYS[1], 'XX', 'CH', now + tonumber(ARGV[1]), ARGV[2]) == 1 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
end
return 1
`;

export class RedisStreamSlots implements StreamSlots {
  readonly #redis: Redis;
  readonly #prefix: string;
  readonly #leaseMs: number;

  constructor(redis: Redis, prefix: string, leaseMs: number) {
    this.#redis = redis;
    this.#prefix = prefix;
    this.#leaseMs = leaseMs;
  }

  async acquire(key: string, limit: number, leaseId: string): Promise<{ allowed: boolean; active: number }> {
    const [allowed, active] = (await this.#redis.eval(
      ACQUIRE,
      1,
      this.#prefix + key,
      limit,
      this.#leaseMs,
      leaseId,
    )) as [number, number];
    return { allowed: allowed === 1, active };
  }

  async renew(key: string, leaseId: string): Promise<void> {
    await this.#redis.eval(RENEW, 1, this.#prefix + key, this.#leaseMs, leaseId);
  }

  async release(key: string, leaseId: string): Promise<void> {
    await this.#redis.zrem(this.#prefix + key, leaseId);
  }
}

/** The per-process version: used without Redis and while Redis is unreachable. */
export class MemoryStreamSlots implements StreamSlots {
  readonly #held = new Map<string, Set<string>>();

  async acquire(key: string, limit: number, leaseId: string): Promise<{ allowed: boolean; active: number }> {
    const leases = this.#held.get(key) ?? new Set<string>();
    if (leases.size >= limit) return { allowed: false, active: leases.size };
    leases.add(leaseId);
    this.#held.set(key, leases);
    return { allowed: true, active: leases.size };
  }

  async renew(): Promise<void> {}

  async release(key: string, leaseId: string): Promise<void> {
    const leases = this.#held.get(key);
    if (!leases) return;
    leases.delete(leaseId);
    if (leases.size === 0) this.#held.delete(key);
  }
}
