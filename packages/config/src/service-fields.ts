import { env } from './fields.ts';

/**
 * Where each service of the fleet listens by default on one machine; Helm overrides them.
 * One table, so that `pnpm start`, the services and the tests agree.
 */
export const DEFAULT_PORTS = {
  gateway: { http: 8080 },
  embed: { grpc: 50051, ops: 9101 },
  retrieve: { grpc: 50052, ops: 9102 },
  router: { grpc: 50053, ops: 9103 },
  generate: { grpc: 50054, ops: 9104 },
} as const;

/** The fields every gRPC service reads: its ports and log level. */
export function serviceFields(service: 'embed' | 'retrieve' | 'router' | 'generate') {
  return {
    GRPC_PORT: env.port(DEFAULT_PORTS[service].grpc),
    METRICS_PORT: env.port(DEFAULT_PORTS[service].ops),
    LOG_LEVEL: env.logLevel(),
  };
}

/** Addresses of the fleet's services, as clients read them. */
export const serviceAddresses = {
  EMBED_ADDR: () => env.address(`127.0.0.1:${DEFAULT_PORTS.embed.grpc}`),
  RETRIEVE_ADDR: () => env.address(`127.0.0.1:${DEFAULT_PORTS.retrieve.grpc}`),
  ROUTER_ADDR: () => env.address(`127.0.0.1:${DEFAULT_PORTS.router.grpc}`),
  GENERATE_ADDR: () => env.address(`127.0.0.1:${DEFAULT_PORTS.generate.grpc}`),
};
