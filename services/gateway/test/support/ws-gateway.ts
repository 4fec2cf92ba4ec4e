import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket } from 'ws';
import { GenerateClient, RetrieveClient, SessionClient } from '@ragfleet/grpc';
import { createLogger, createMetricsRegistry, type Registry } from '@ragfleet/telemetry';
import { createApp } from '../../src/app.ts';
import { answerMetrics } from '../../src/http/answer-metrics.ts';
import { answerMalformedRequests } from '../../src/http/errors.ts';
import { PromptGuard, type GuardMode } from '../../src/guard/prompt-guard.ts';
import { upstreamReadiness } from '../../src/readiness.ts';
import { attachWebSocket, type WebSocketOptions, type WsGateway } from '../../src/ws/ws-gateway.ts';
import { Admission } from '../../src/admission/admission.ts';
import { Authenticator } from '../../src/auth/authenticator.ts';
import { MemoryTicketStore, type TicketStore } from '../../src/ws/tickets/ticket-store.ts';
import { WsTickets } from '../../src/ws/tickets/ws-tickets.ts';
import { FakeUpstreams } from './fake-upstreams.ts';

export interface WsTestGateway {
  url: string;
  wsUrl: string;
  upstreams: FakeUpstreams;
  websockets: WsGateway;
  /** What the HTTP app and the WebSocket endpoint both record to (the ops port's /metrics). */
  registry: Registry;
  stop(): Promise<void>;
}

export interface WsTestOptions {
  guard?: GuardMode;
  limits?: WebSocketOptions['limits'];
  /** Default: development mode (anonymous callers, no limits). */
  admission?: Admission;
  revocations?: WebSocketOptions['revocations'];
  /** Where WebSocket tickets live (default: this process's memory); share one to act as replicas. */
  ticketStore?: TicketStore;
  ticketTtlMs?: number;
}

/** The gateway (HTTP app and WebSocket endpoint on one server) wired to fake upstreams over real gRPC. */
export async function startWsTestGateway(options: WsTestOptions = {}): Promise<WsTestGateway> {
  const upstreams = new FakeUpstreams();
  const address = await upstreams.start();
  const retrieve = new RetrieveClient(address);
  const generate = new GenerateClient(address);
  const sessions = new SessionClient(address);
  const logger = createLogger('gateway', 'silent');
  const registry = createMetricsRegistry('gateway');
  const promptGuard = new PromptGuard({ mode: options.guard ?? 'flag', logger, registry });
  const admission =
    options.admission ?? new Admission({ auth: new Authenticator({ anonymousTier: 'premium' }) });
  const wsTickets = new WsTickets({
    store: options.ticketStore ?? new MemoryTicketStore(),
    auth: admission.auth,
    ...(options.ticketTtlMs ? { ttlMs: options.ticketTtlMs } : {}),
  });
  const app = createApp({
    retrieve,
    generate,
    sessions,
    logger,
    registry,
    promptGuard,
    admission,
    wsTickets,
    readiness: upstreamReadiness({ retrieve: retrieve.grpc.raw, generate: generate.grpc.raw }, () => true),
    bodyLimit: '64kb',
  });
  const server: Server = createServer(app);
  answerMalformedRequests(server, [], answerMetrics(registry).errors);
  const websockets = attachWebSocket(server, {
    generate,
    sessions,
    logger,
    registry,
    promptGuard,
    admission,
    revocations: options.revocations,
    tickets: wsTickets,
    ...(options.limits ? { limits: options.limits } : {}),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/v1/ws`,
    upstreams,
    websockets,
    registry,
    async stop() {
      websockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      retrieve.close();
      generate.close();
      sessions.close();
      await upstreams.stop();
    },
  };
}

/** A client socket that queues every JSON event it receives, to be awaited in order. */
export class WsClient {
  readonly socket: WebSocket;
  readonly events: Array<Record<string, unknown>> = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  #waiters: Array<() => void> = [];

  constructor(url: string, headers: Record<string, string> = {}, protocols: string[] = []) {
    this.socket = new WebSocket(url, protocols, { headers });
    this.socket.on('message', (data) => {
      this.events.push(JSON.parse(String(data)) as Record<string, unknown>);
      for (const wake of this.#waiters.splice(0)) wake();
    });
    this.closed = new Promise((resolve) =>
      this.socket.on('close', (code, reason) => {
        resolve({ code, reason: reason.toString() });
        for (const wake of this.#waiters.splice(0)) wake();
      }),
    );
  }

  async open(): Promise<this> {
    if (this.socket.readyState === WebSocket.OPEN) return this;
    await new Promise<void>((resolve, reject) => {
      this.socket.once('open', () => resolve());
      this.socket.once('error', reject);
    });
    return this;
  }

  send(message: unknown): void {
    this.socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** Waits until an event matching the predicate has arrived (or the socket closed) and returns it. */
  async until(
    predicate: (event: Record<string, unknown>) => boolean,
    timeoutMs = 5_000,
  ): Promise<Record<string, unknown>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.find(predicate);
      if (found) return found;
      if (this.socket.readyState === WebSocket.CLOSED) throw new Error('socket closed before the event');
      if (Date.now() > deadline) throw new Error(`no matching event; got ${JSON.stringify(this.events)}`);
      await new Promise<void>((resolve) => {
        this.#waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  /** Every event of one ask, through its terminal `done` or `error`. */
  async ask(id: string): Promise<Array<Record<string, unknown>>> {
    await this.until((event) => event.id === id && (event.type === 'done' || event.type === 'error'));
    return this.events.filter((event) => event.id === id);
  }
}
