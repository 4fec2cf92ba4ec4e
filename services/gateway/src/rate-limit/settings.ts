import type { GatewayConfig } from '../config.ts';
import type { LimitSettings } from './create-limiter.ts';

export function limitSettings(config: GatewayConfig): LimitSettings {
  return {
    perMinute: {
      free: config.GATEWAY_RATE_LIMIT_FREE_PER_MINUTE,
      standard: config.GATEWAY_RATE_LIMIT_STANDARD_PER_MINUTE,
      premium: config.GATEWAY_RATE_LIMIT_PREMIUM_PER_MINUTE,
      enterprise: config.GATEWAY_RATE_LIMIT_ENTERPRISE_PER_MINUTE,
    },
    perDay: config.GATEWAY_RATE_LIMIT_PER_DAY,
    maxConcurrentStreams: config.GATEWAY_MAX_CONCURRENT_STREAMS,
    prefix: config.GATEWAY_RATE_LIMIT_PREFIX,
    timeoutMs: config.GATEWAY_RATE_LIMIT_TIMEOUT_MS,
    streamLeaseMs: config.GATEWAY_STREAM_LEASE_MS,
    minReplicas: config.GATEWAY_MIN_REPLICAS,
    replicaHeartbeatMs: config.GATEWAY_REPLICA_HEARTBEAT_MS,
    ...(config.GATEWAY_REPLICA_ID ? { replicaId: config.GATEWAY_REPLICA_ID } : {}),
  };
}
