import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GenerateClient, RetrieveClient, SessionClient } from '@ragfleet/grpc';
import { createLogger, createMetricsRegistry } from '@ragfleet/telemetry';
import { createApp } from '../../src/app.ts';
import { upstreamReadiness } from '../../src/readiness.ts';
import { FakeUpstreams } from './fake-upstreams.ts';

export interface TestGateway {
  url: string;
  upstreams: FakeUpstreams;
  /** Where the fakes listen (retrieve, generate and the scripted SessionService). */
  upstreamAddress: string;
  /** The Prometheus text the ops port would serve (never the public one). */
  metrics(): Promise<string>;
  stop(): Promise<void>;
}

export const TEST_BODY_LIMIT_BYTES = 64 * 1024;

/** The gateway app on a free port, wired to fake upstreams over real gRPC. */
export async function startTestGateway(options: { streamIdleMs?: number } = {}): Promise<TestGateway> {
  const upstreams = new FakeUpstreams();
  const address = await upstreams.start();
  const retrieve = new RetrieveClient(address);
  const generate = new GenerateClient(address);
  const sessions = new SessionClient(address);
  const registry = createMetricsRegistry('gateway');
  const app = createApp({
    retrieve,
    generate,
    sessions,
    logger: createLogger('gateway', 'silent'),
    registry,
    readiness: upstreamReadiness({ retrieve: retrieve.grpc.raw, generate: generate.grpc.raw }, () => true),
    bodyLimit: `${TEST_BODY_LIMIT_BYTES}b`,
    maxWaitMs: 10_000,
    jobPollIntervalMs: 10,
    ...(options.streamIdleMs ? { streamIdleMs: options.streamIdleMs } : {}),
  });
  const server: Server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    upstreams,
    upstreamAddress: address,
    metrics: () => registry.metrics(),
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      retrieve.close();
      generate.close();
      sessions.close();
      await upstreams.stop();
    },
  };
}

/** Complete NDJSON lines as they arrive, parsed; the caller sees each one as soon as it is read. */
export async function* ndjsonLines(
  body: ReadableStream<Uint8Array>,
): AsyncGenerator<Record<string, unknown>> {
  const decoder = new TextDecoder();
  let buffered = '';
  for await (const chunk of body) {
    buffered += decoder.decode(chunk, { stream: true });
    let newline: number;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      if (line.trim()) yield JSON.parse(line) as Record<string, unknown>;
    }
  }
  if (buffered.trim()) yield JSON.parse(buffered) as Record<string, unknown>;
}

export function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}
