import type { Redis } from 'ioredis';

/*
 * Each replica stamps itself into a sorted set (score: Redis time) and counts the stamps younger
 * than the window; Redis's clock, so replicas agree whatever their own clocks say.
 */
const HEARTBEAT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZADD', KEYS[1], now, ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - tonumber(ARGV[2]))
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return redis.call('ZCARD', KEYS[1])
`;

export interface ReplicaCountOptions {
  redis: Redis;
  key: string;
  replicaId: string;
  /** How often this replica says it is alive. */
  intervalMs: number;
  /** The fewest replicas to assume (the deployment's minimum), whatever Redis last said. */
  minimum: number;
}

/**
 * How many gateway replicas share the rate limits: the live count seen through Redis, kept at its
 * last value while Redis is away. That is what each replica divides a limit by when it has to
 * enforce it alone.
 */
export class ReplicaCount {
  readonly #options: ReplicaCountOptions;
  readonly #timer: NodeJS.Timeout;
  #seen = 1;

  constructor(options: ReplicaCountOptions) {
    this.#options = options;
    this.#timer = setInterval(() => void this.refresh(), options.intervalMs);
    this.#timer.unref();
    void this.refresh();
  }

  get current(): number {
    return Math.max(this.#options.minimum, this.#seen);
  }

  async refresh(): Promise<void> {
    const { redis, key, replicaId, intervalMs } = this.#options;
    if (redis.status !== 'ready') return;
    try {
      // A replica that missed three beats is gone.
      this.#seen = Number(await redis.eval(HEARTBEAT, 1, key, replicaId, intervalMs * 3));
    } catch {
      // Keep the last count: it is exactly what an outage needs.
    }
  }

  stop(): void {
    clearInterval(this.#timer);
  }
}
