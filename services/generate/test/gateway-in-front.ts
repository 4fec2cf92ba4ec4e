import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GenerateClient, RetrieveClient, SessionClient } from '@ragfleet/grpc';
import { createLogger, createMetricsRegistry } from '@ragfleet/telemetry';
import { createApp } from '../../gateway/src/app.ts';
import { upstreamReadiness } from '../../gateway/src/readiness.ts';

export interface GatewayInFront {
  url: string;
  /** POST /v1/rag with a JSON body. */
  rag(body: object): Promise<Response>;
  close(): Promise<void>;
}

/**
 * The real gateway app (development mode) in front of one generate, whose address also stands in
 * for retrieve and session: what an answer costs or replays as a caller of /v1/rag sees it.
 */
export async function startGatewayInFront(generateAddress: string): Promise<GatewayInFront> {
  const generate = new GenerateClient(generateAddress);
  const retrieve = new RetrieveClient(generateAddress);
  const sessions = new SessionClient(generateAddress);
  const app = createApp({
    retrieve,
    generate,
    sessions,
    logger: createLogger('gateway-in-front', 'silent'),
    registry: createMetricsRegistry('gateway'),
    readiness: upstreamReadiness({ generate: generate.grpc.raw }, () => true),
    bodyLimit: '64kb',
    maxWaitMs: 10_000,
    jobPollIntervalMs: 10,
  });
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    rag: (body) =>
      fetch(`${url}/v1/rag`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      for (const client of [generate, retrieve, sessions]) client.close();
    },
  };
}
