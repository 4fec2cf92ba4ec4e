import { z } from 'zod';
import { env } from './fields.ts';
import { serviceAuthFields } from './service-auth.ts';

/**
 * Where each service of the fleet listens by default on one machine; Helm overrides them.
 * One table, so that `pnpm start`, the services and the tests agree. Every port sits below the
 * ephemeral ranges (Linux hands out 32768–60999 for outgoing connections, IANA 49152–65535), so
 * that a client socket never happens to hold a service's port when the fleet starts.
 */
export const DEFAULT_PORTS = {
  gateway: { http: 8080, ops: 9100 },
  embed: { grpc: 7051, ops: 9101 },
  retrieve: { grpc: 7052, ops: 9102 },
  router: { grpc: 7053, ops: 9103 },
  generate: { grpc: 7054, ops: 9104 },
  session: { grpc: 7055, ops: 9105 },
  recommend: { grpc: 7056, ops: 9106 },
  feedback: { grpc: 7057, ops: 9107 },
} as const;

/**
 * The fields every gRPC service reads: where it listens, how callers authenticate, its log level.
 * Both listeners default to loopback: a laptop's fleet is not reachable from the network unless
 * asked (Helm sets GRPC_HOST=0.0.0.0, with a service key).
 */
export function serviceFields(
  service: 'embed' | 'retrieve' | 'router' | 'generate' | 'session' | 'recommend' | 'feedback',
) {
  return {
    GRPC_HOST: z.string().min(1).default('127.0.0.1'),
    GRPC_PORT: env.port(DEFAULT_PORTS[service].grpc),
    /** The ops listener (/metrics, /healthz, /readyz); unset: the same host as gRPC. */
    METRICS_HOST: env.optionalString(),
    METRICS_PORT: env.port(DEFAULT_PORTS[service].ops),
    LOG_LEVEL: env.logLevel(),
    ...serviceAuthFields,
  };
}

/** What every gRPC service's parsed config contains. */
export type ServiceFieldsConfig = {
  [K in keyof ReturnType<typeof serviceFields>]: z.output<ReturnType<typeof serviceFields>[K]>;
};

/** Addresses of the fleet's services, as clients read them. */
export const serviceAddresses = {
  EMBED_ADDR: () => env.address(`127.0.0.1:${DEFAULT_PORTS.embed.grpc}`),
  RETRIEVE_ADDR: () => env.address(`127.0.0.1:${DEFAULT_PORTS.retrieve.grpc}`),
  ROUTER_ADDR: () => env.address(`127.0.0.1:${DEFAULT_PORTS.router.grpc}`),
  GENERATE_ADDR: () => env.address(`127.0.0.1:${DEFAULT_PORTS.generate.grpc}`),
  SESSION_ADDR: () => env.address(`127.0.0.1:${DEFAULT_PORTS.session.grpc}`),
  RECOMMEND_ADDR: () => env.address(`127.0.0.1:${DEFAULT_PORTS.recommend.grpc}`),
  FEEDBACK_ADDR: () => env.address(`127.0.0.1:${DEFAULT_PORTS.feedback.grpc}`),
};
