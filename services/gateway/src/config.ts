import { z } from 'zod';
import { DEFAULT_PORTS, env, loadConfig, serviceAddresses } from '@ragfleet/config';
import { authConfigFields, checkAuthSources } from './auth/config-fields.ts';
import { rateLimitConfigFields } from './rate-limit/config-fields.ts';
import { guardConfigFields } from './guard/config-fields.ts';
import { wsConfigFields } from './ws/config-fields.ts';

/** Byte sizes as body-parser reads them: 512kb, 10mb, or a plain number of bytes. */
const byteSize = z
  .string()
  .regex(/^\d+(b|kb|mb|gb)?$/i, 'expected a size such as 512kb or 10mb')
  .default('10mb');

export const gatewayConfigSchema = z.object({
  GATEWAY_PORT: env.port(DEFAULT_PORTS.gateway.http),
  GATEWAY_HOST: z.string().min(1).default('0.0.0.0'),
  GATEWAY_BODY_LIMIT: byteSize,
  /** How long in-flight requests and streams may run on after a shutdown signal. */
  GATEWAY_DRAIN_MS: env.positiveInt(15_000),
  /** Upper bound for `POST /v1/documents?wait=true`, whatever the client asks for. */
  GATEWAY_MAX_WAIT_MS: env.positiveInt(300_000),
  RETRIEVE_ADDR: serviceAddresses.RETRIEVE_ADDR(),
  GENERATE_ADDR: serviceAddresses.GENERATE_ADDR(),
  LOG_LEVEL: env.logLevel(),
  ...authConfigFields,
  ...rateLimitConfigFields,
  ...guardConfigFields,
  ...wsConfigFields,
});

export type GatewayConfig = z.output<typeof gatewayConfigSchema>;

export function loadGatewayConfig(source: Record<string, string | undefined> = process.env): GatewayConfig {
  return loadConfig('gateway', gatewayConfigSchema.superRefine(checkAuthSources), source);
}
