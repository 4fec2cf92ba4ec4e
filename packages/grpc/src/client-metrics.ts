import { toRagfleetError } from '@ragfleet/errors';
import { counter, histogram, type Registry } from '@ragfleet/telemetry';

/** What a GrpcClient reports about its calls; the caller is the registry's `service` label. */
export interface ClientCallObserver {
  /** A call ended (after its retries): how long the caller waited, and how it ended. */
  finished(upstream: string, method: string, seconds: number, error?: unknown): void;
  /** An idempotent call is about to be sent again after the upstream was unreachable. */
  retried(upstream: string, method: string): void;
}

/** One set of collectors per registry: every client of a process shares them (names are unique per registry). */
const observers = new WeakMap<Registry, ClientCallObserver>();

/**
 * Per-hop latency as the caller sees it (queueing, connection waits and retries included),
 * which the server's own ragfleet_grpc_server_handling_seconds cannot show: the difference
 * between the two is the network and the wait for a connection.
 */
export function clientCallObserver(registry: Registry): ClientCallObserver {
  const known = observers.get(registry);
  if (known) return known;
  const duration = histogram(
    registry,
    'ragfleet_grpc_client_handling_seconds',
    'Time from a gRPC call being made to its last response, as the caller sees it, by upstream, method and result code.',
    ['upstream', 'method', 'code'],
  );
  const retries = counter(
    registry,
    'ragfleet_grpc_client_retries_total',
    'Idempotent gRPC calls sent again because the upstream was unreachable, by upstream and method.',
    ['upstream', 'method'],
  );
  const observer: ClientCallObserver = {
    finished(upstream, method, seconds, error) {
      const code = error === undefined ? 'OK' : toRagfleetError(error).code;
      duration.observe({ upstream, method, code }, seconds);
    },
    retried(upstream, method) {
      retries.inc({ upstream, method });
    },
  };
  observers.set(registry, observer);
  return observer;
}
