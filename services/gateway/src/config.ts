import { z } from 'zod';
import { DEFAULT_PORTS, env, loadConfig, serviceAddresses, serviceAuthFields } from '@ragfleet/config';
import { authConfigFields, checkAuthSources } from './auth/config-fields.ts';
import { rateLimitConfigFields } from './rate-limit/config-fields.ts';
import { guardConfigFields } from './guard/config-fields.ts';
import { popularConfigFields } from './popular/config-fields.ts';
import { wsConfigFields } from './ws/config-fields.ts';

/** Byte sizes as body-parser reads them: 512kb, 10mb, or a plain number of bytes. */
const byteSize = z
  .string()
  .regex(/^\d+(b|kb|mb|gb)?$/i, 'expected a size such as 512kb or 10mb')
  .default('10mb');

export const gatewayConfigSchema = z.object({
  GATEWAY_PORT: env.port(DEFAULT_PORTS.gateway.http),
  /** Loopback unless told otherwise: a development gateway is never exposed by accident. Helm sets 0.0.0.0. */
  GATEWAY_HOST: z.string().min(1).default('127.0.0.1'),
  /** The ops port: /metrics, /healthz, /readyz (metrics are never served on the public port). */
  METRICS_PORT: env.port(DEFAULT_PORTS.gateway.ops),
  /** Embedded state (admin-created keys without Redis) lives under `<DATA_DIR>/gateway/`. */
  DATA_DIR: z.string().min(1).default('.data'),
  GATEWAY_BODY_LIMIT: byteSize,
  /** Longest silence between two events of an answer stream; past it the client gets UPSTREAM_TIMEOUT. */
  GATEWAY_STREAM_IDLE_MS: env.positiveInt(30_000),
  /** Longest time a client may take to send a whole request (headers and body). */
  GATEWAY_REQUEST_TIMEOUT_MS: env.positiveInt(60_000),
  /** Longest time a client may take to send the request headers. */
  GATEWAY_HEADERS_TIMEOUT_MS: env.positiveInt(10_000),
  /** How long in-flight requests and streams may run on after a shutdown signal. */
  GATEWAY_DRAIN_MS: env.positiveInt(15_000),
  /** Upper bound for `POST /v1/documents?wait=true`, whatever the client asks for. */
  GATEWAY_MAX_WAIT_MS: env.positiveInt(300_000),
  RETRIEVE_ADDR: serviceAddresses.RETRIEVE_ADDR(),
  GENERATE_ADDR: serviceAddresses.GENERATE_ADDR(),
  /** The session service: conversations (/v1/sessions, WebSocket chat). */
  SESSION_ADDR: serviceAddresses.SESSION_ADDR(),
  /** The recommendation-scorer: GET /v1/subjects/:id/recommendations, scoring, WebSocket recommend. */
  RECOMMEND_ADDR: serviceAddresses.RECOMMEND_ADDR(),
  /** The feedback service: subjects and metrics, recommendation lifecycle, statistics, answer feedback, weights. */
  FEEDBACK_ADDR: serviceAddresses.FEEDBACK_ADDR(),
  /** The router: its usage ledger (GET /v1/usage). */
  ROUTER_ADDR: serviceAddresses.ROUTER_ADDR(),
  LOG_LEVEL: env.logLevel(),
  /** The fleet's service key and mutual-TLS files: the gateway signs every upstream call (docs/security.md). */
  ...serviceAuthFields,
  ...authConfigFields,
  ...rateLimitConfigFields,
  ...guardConfigFields,
  ...wsConfigFields,
  ...popularConfigFields,
});

export type GatewayConfig = z.output<typeof gatewayConfigSchema>;

export function loadGatewayConfig(source: Record<string, string | undefined> = process.env): GatewayConfig {
  return loadConfig(
    'gateway',
    gatewayConfigSchema.superRefine(checkAuthSources).superRefine((config, context) => {
      if (config.GATEWAY_HEADERS_TIMEOUT_MS > config.GATEWAY_REQUEST_TIMEOUT_MS) {
        context.addIssue({
          code: 'custom',
          path: ['GATEWAY_HEADERS_TIMEOUT_MS'],
          message: 'must not exceed GATEWAY_REQUEST_TIMEOUT_MS',
        });
      }
    }),
    source,
  );
}
