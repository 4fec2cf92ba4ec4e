import type { Redis } from 'ioredis';
import type { ShadowComparison } from './shadow-comparison.ts';
import { emptyTotals, totalsOf, type ShadowStore, type ShadowTotals } from './shadow-store.ts';

// Adds the estimate only if it fits, in one step: replicas racing for the last dollars see one
// total. The day's key expires two days on, so old days do not accumulate.
const HOLD = `
local spent = tonumber(redis.call('GET', KEYS[1]) or '0')
local usd = tonumber(ARGV[1])
if spent + usd > tonumber(ARGV[2]) then return 0 end
redis.call('INCRBYFLOAT', KEYS[1], ARGV[1])
redis.call('EXPIRE', KEYS[1], 172800)
return 1
`;

/** The fleet's shadow store: every replica's comparisons and spend in one place. */
export class RedisShadowStore implements ShadowStore {
  readonly #redis: Redis;
  readonly #prefix: string;

  constructor(redis: Redis, prefix: string) {
    this.#redis = redis;
    this.#prefix = prefix;
  }

  #spentKey = (day: string) => `${this.#prefix}spent:${day}`;
  get #totalsKey() {
    return `${this.#prefix}totals`;
  }
  get #recentKey() {
    return `${this.#prefix}recent`;
  }

  async hold(day: string, usd: number, limitUsd: number): Promise<boolean> {
    const held = await this.#redis.eval(HOLD, 1, this.#spentKey(day), String(usd), String(limitUsd));
    return held === 1;
  }

  async adjust(day: string, deltaUsd: number): Promise<void> {
    if (deltaUsd !== 0) await this.#redis.incrbyfloat(this.#spentKey(day), deltaUsd);
  }

  async spent(day: string): Promise<number> {
    return Math.max(0, Number((await this.#redis.get(this.#spentKey(day))) ?? 0));
  }

  async record(comparison: ShadowComparison, keepRecent: number): Promise<void> {
    const multi = this.#redis.multi();
    for (const [name, value] of Object.entries(totalsOf(comparison)))
      multi.hincrbyfloat(this.#totalsKey, name, value);
    multi.lpush(this.#recentKey, JSON.stringify(comparison)).ltrim(this.#recentKey, 0, keepRecent - 1);
    await multi.exec();
  }

  async countSkipped(reason: 'budget' | 'busy'): Promise<void> {
    await this.#redis.hincrby(this.#totalsKey, reason === 'budget' ? 'skippedBudget' : 'skippedBusy', 1);
  }

  async totals(): Promise<ShadowTotals> {
    const stored = await this.#redis.hgetall(this.#totalsKey);
    const totals = emptyTotals();
    for (const name of Object.keys(totals) as Array<keyof ShadowTotals>)
      totals[name] = Number(stored[name] ?? 0);
    return totals;
  }

  async recent(limit: number): Promise<ShadowComparison[]> {
    const items = await this.#redis.lrange(this.#recentKey, 0, limit - 1);
    return items.map((item) => JSON.parse(item) as ShadowComparison);
  }
}
