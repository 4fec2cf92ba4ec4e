import type { Readiness } from './upstreams.ts';

/** What a grpc-js client offers to probe its channel (connects if idle). */
export interface Connectable {
  waitForReady(deadline: Date | number, callback: (error?: Error) => void): void;
}

function reachable(client: Connectable, timeoutMs: number): Promise<string> {
  return new Promise((resolve) => {
    client.waitForReady(Date.now() + timeoutMs, (error) => resolve(error ? 'unreachable' : 'ok'));
  });
}

/**
 * Ready means: the process is taking traffic (not shutting down) and every upstream channel
 * connects. A gateway that cannot reach generate would only answer 503s, so it should not get traffic.
 */
export function upstreamReadiness(
  upstreams: Record<string, Connectable>,
  accepting: () => boolean,
  timeoutMs = 1_000,
): () => Promise<Readiness> {
  return async () => {
    const names = Object.keys(upstreams);
    const results = await Promise.all(
      names.map((name) => reachable(upstreams[name] as Connectable, timeoutMs)),
    );
    const checks: Record<string, string> = { process: accepting() ? 'ok' : 'shutting_down' };
    names.forEach((name, index) => (checks[name] = results[index] ?? 'unreachable'));
    return { ready: Object.values(checks).every((check) => check === 'ok'), checks };
  };
}
