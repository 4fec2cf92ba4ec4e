import { z } from 'zod';
import { env } from '@ragfleet/config';
import type { WsLimits } from './ws-gateway.ts';

export const wsConfigFields = {
  /** Largest client message; bigger ones close the socket with 1009. */
  GATEWAY_WS_MAX_MESSAGE_BYTES: env.positiveInt(64 * 1024),
  /** Asks that may stream at once on one socket. */
  GATEWAY_WS_MAX_ASKS: env.positiveInt(4),
  /** Ping interval; a socket that misses one pong is terminated. */
  GATEWAY_WS_HEARTBEAT_MS: env.positiveInt(30_000),
  /** How long a client may stay above the send high-water mark before it is cut as too slow. */
  GATEWAY_WS_STALL_MS: env.positiveInt(10_000),
  /** How long a ticket from POST /v1/ws/tickets may wait to open its socket. */
  GATEWAY_WS_TICKET_TTL_MS: env.positiveInt(30_000),
  /** Redis key prefix of WebSocket tickets (with REDIS_URL; else they live in this process). */
  GATEWAY_WS_TICKET_PREFIX: z.string().min(1).default('ragfleet:gateway:ws-tickets:'),
};

export function wsLimits(config: {
  GATEWAY_WS_MAX_MESSAGE_BYTES: number;
  GATEWAY_WS_MAX_ASKS: number;
  GATEWAY_WS_HEARTBEAT_MS: number;
  GATEWAY_WS_STALL_MS: number;
  GATEWAY_STREAM_IDLE_MS: number;
}): Partial<Omit<WsLimits, 'window'>> & { window: Partial<WsLimits['window']> } {
  return {
    maxMessageBytes: config.GATEWAY_WS_MAX_MESSAGE_BYTES,
    maxConcurrentAsks: config.GATEWAY_WS_MAX_ASKS,
    heartbeatMs: config.GATEWAY_WS_HEARTBEAT_MS,
    streamIdleMs: config.GATEWAY_STREAM_IDLE_MS,
    window: { stallTimeoutMs: config.GATEWAY_WS_STALL_MS },
  };
}
