import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

export interface OpsServer {
  server: Server;
  /** The address bound, as the operating system reports it. */
  host: string;
  port: number;
  close(): Promise<void>;
}

/**
 * A small HTTP listener beside each gRPC service for Prometheus scrapes and Kubernetes probes:
 * `/metrics`, `/healthz` (the process is alive) and `/readyz` (it should receive traffic).
 */
export async function startOpsServer(options: {
  port: number;
  /** Loopback unless told otherwise: the service host passes its GRPC_HOST or METRICS_HOST. */
  host?: string;
  registry: Registry;
  isReady: () => boolean;
}): Promise<OpsServer> {
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (path === '/metrics') {
      options.registry.metrics().then(
        (body) => {
          response.writeHead(200, { 'content-type': options.registry.contentType });
          response.end(body);
        },
        () => {
          response.writeHead(500).end();
        },
      );
      return;
    }
    if (path === '/healthz') {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    if (path === '/readyz') {
      const ready = options.isReady();
      response
        .writeHead(ready ? 200 : 503, { 'content-type': 'application/json' })
        .end(JSON.stringify({ status: ready ? 'ready' : 'not_ready' }));
      return;
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    server,
    host: address.address,
    port: address.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
