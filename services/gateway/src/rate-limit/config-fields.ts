import { z } from 'zod';
import { env } from '@ragfleet/config';

/** Gateway variables for rate limits; spread into the gateway's config schema. */
export const rateLimitConfigFields = {
  /** Shared counters (and admin-created keys); without it both live in this process. */
  REDIS_URL: env.optionalUrl(),
  GATEWAY_RATE_LIMIT_PREFIX: z.string().min(1).default('ragfleet:gateway:rl:'),
  GATEWAY_RATE_LIMIT_FREE_PER_MINUTE: env.positiveInt(60),
  GATEWAY_RATE_LIMIT_STANDARD_PER_MINUTE: env.positiveInt(600),
  GATEWAY_RATE_LIMIT_PREMIUM_PER_MINUTE: env.positiveInt(3_000),
  GATEWAY_RATE_LIMIT_ENTERPRISE_PER_MINUTE: env.positiveInt(10_000),
  /** Requests per day per user, every tier. */
  GATEWAY_RATE_LIMIT_PER_DAY: env.positiveInt(1_000),
  /** Concurrent streams (RAG answers, WebSocket asks) per key. */
  GATEWAY_MAX_CONCURRENT_STREAMS: env.positiveInt(10),
  /** A Redis limit call slower than this is treated as Redis being down (fallback decides). */
  GATEWAY_RATE_LIMIT_TIMEOUT_MS: env.positiveInt(1_000),
  /** A stream slot left by a crashed gateway frees itself after this long. */
  GATEWAY_STREAM_LEASE_MS: env.positiveInt(300_000),
  /**
   * The fewest gateway replicas to assume when Redis is unreachable and each replica enforces its
   * share of every limit alone (the live count seen through Redis raises it). Helm sets it to the
   * deployment's minimum.
   */
  GATEWAY_MIN_REPLICAS: env.positiveInt(1),
  /** How often each replica says it is alive in the replica count (gone after three misses). */
  GATEWAY_REPLICA_HEARTBEAT_MS: env.positiveInt(5_000),
  /** This replica's name in the shared replica count (Helm: the pod name); default random. */
  GATEWAY_REPLICA_ID: env.optionalString(),
};
