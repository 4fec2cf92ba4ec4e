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
 * Ready means: the process is taking traffic (not shutting down) and every required upstream
 * channel connects. A gateway that cannot reach generate would only answer 503s, so it should not
 * get traffic. `reported` upstreams are probed and shown in the checks without deciding
 * readiness: only some routes need them, and those answer SERVICE_UNAVAILABLE meanwhile.
 */
export function upstreamReadiness(
  upstreams: Record<string, Connectable>,
  accepting: () => boolean,
  timeoutMs = 1_000,
  reported: Record<string, Connectable> = {},
): () => Promise<Readiness> {
  const probe = (group: Record<string, Connectable>) =>
    Promise.all(
      Object.entries(group).map(
        async ([name, client]) => [name, await reachable(client, timeoutMs)] as const,
      ),
    );
  return async () => {
    const [required, optional] = await Promise.all([probe(upstreams), probe(reported)]);
    const checks: Record<string, string> = { process: accepting() ? 'ok' : 'shutting_down' };
    for (const [name, result] of required) checks[name] = result;
    const ready = Object.values(checks).every((check) => check === 'ok');
    for (const [name, result] of optional) checks[name] = result;
    return { ready, checks };
  };
}
