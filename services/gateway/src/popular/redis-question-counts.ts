import type { Redis } from 'ioredis';
import type { PopularQuestion, QuestionCounts, QuestionCountSettings } from './question-counts.ts';

/*
 * A sorted set per tenant whose stored scores are relative to a base time kept next to it: a hit
 * at `at` adds 2^((at - base) / halfLife), and a read multiplies by 2^(-(now - base) / halfLife).
 * That is the sum of exp-decayed hits without rewriting every member on every hit. The weights
 * grow by 2 per half-life, so once they pass 2^32 the script rescales the set to a new base (the
 * set is capped, so that is cheap) and doubles never lose precision or overflow.
 *
 * KEYS: the set, its base. ARGV: now (ms), half-life (s), question, cap, ttl (s).
 */
const RECORD = `
local now = tonumber(ARGV[1])
local halfLifeMs = tonumber(ARGV[2]) * 1000
local base = tonumber(redis.call('GET', KEYS[2]))
if not base then
  base = now
  redis.call('SET', KEYS[2], ARGV[1])
end
local exponent = (now - base) / halfLifeMs
if exponent > 32 then
  local factor = 2 ^ (-exponent)
  local members = redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')
  for i = 1, #members, 2 do
    redis.call('ZADD', KEYS[1], tonumber(members[i + 1]) * factor, members[i])
  end
  base = now
  redis.call('SET', KEYS[2], ARGV[1])
  exponent = 0
end
redis.call('ZINCRBY', KEYS[1], 2 ^ exponent, ARGV[3])
local size = redis.call('ZCARD', KEYS[1])
local cap = tonumber(ARGV[4])
if size > cap then redis.call('ZREMRANGEBYRANK', KEYS[1], 0, size - cap - 1) end
redis.call('EXPIRE', KEYS[1], ARGV[5])
redis.call('EXPIRE', KEYS[2], ARGV[5])
return size
`;

/** KEYS: the set, its base. ARGV: limit. Answers the base, then question, stored score pairs. */
const TOP = `
local base = redis.call('GET', KEYS[2])
if not base then return {} end
local members = redis.call('ZREVRANGE', KEYS[1], 0, tonumber(ARGV[1]) - 1, 'WITHSCORES')
table.insert(members, 1, base)
return members
`;

/**
 * After this many half-lives without a hit a tenant's counts weigh under a millionth of a hit:
 * the keys expire then, so a tenant that stopped asking leaves nothing behind.
 */
const TTL_HALF_LIVES = 20;

/** The counts shared by every gateway replica, in Redis under `prefix`. */
export class RedisQuestionCounts implements QuestionCounts {
  readonly #redis: Redis;
  readonly #prefix: string;
  readonly #settings: QuestionCountSettings;

  constructor(redis: Redis, prefix: string, settings: QuestionCountSettings) {
    this.#redis = redis;
    this.#prefix = prefix;
    this.#settings = settings;
  }

  async record(tenant: string, question: string, at = Date.now()): Promise<void> {
    const { halfLifeSeconds, maxQuestions } = this.#settings;
    const ttl = Math.ceil(halfLifeSeconds * TTL_HALF_LIVES);
    await this.#redis.eval(
      RECORD,
      2,
      ...this.#keys(tenant),
      at,
      halfLifeSeconds,
      question,
      maxQuestions,
      ttl,
    );
  }

  async top(tenant: string, limit: number, at = Date.now()): Promise<PopularQuestion[]> {
    const reply = (await this.#redis.eval(TOP, 2, ...this.#keys(tenant), limit)) as string[];
    if (reply.length === 0) return [];
    const [base, ...pairs] = reply;
    const factor = 2 ** (-(at - Number(base)) / 1000 / this.#settings.halfLifeSeconds);
    const questions: PopularQuestion[] = [];
    for (let i = 0; i + 1 < pairs.length; i += 2) {
      questions.push({ question: pairs[i]!, score: Number(pairs[i + 1]) * factor });
    }
    return questions;
  }

  /** One hash tag per tenant: both keys land on one slot of a Redis Cluster, as the script needs. */
  #keys(tenant: string): [string, string] {
    return [`${this.#prefix}{${tenant}}:questions`, `${this.#prefix}{${tenant}}:base`];
  }
}
