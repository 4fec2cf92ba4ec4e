import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { RagfleetError } from '@ragfleet/errors';
import { extractTraceContext, type Context, type Logger, type Registry } from '@ragfleet/telemetry';
import type { PopularQuestions } from '../popular/popular-questions.ts';
import type { Admission } from '../admission/admission.ts';
import { hasScope, type Identity } from '../auth/identity.ts';
import type { PromptGuard } from '../guard/prompt-guard.ts';
import { normalizeError } from '../http/errors.ts';
import { REQUEST_ID_HEADER } from '../http/request-id.ts';
import { API_VERSION, API_VERSION_HEADER } from '../openapi/api-version.ts';
import type { GenerateUpstream, RecommendUpstream, SessionUpstream } from '../upstreams.ts';
import { WsConnection, type ConnectionSettings, type Reauthenticate } from './connection.ts';
import { Heartbeat } from './heartbeat.ts';
import { rejectUpgrade } from './reject-upgrade.ts';
import { WS_ASK_NEEDS, WS_CHAT_NEEDS, WS_PATH, WS_RECOMMEND_NEEDS } from './endpoint.ts';
import { chooseSubprotocol, socketCredentials } from './socket-credentials.ts';
import type { WsTickets } from './tickets/ws-tickets.ts';
import { createWsMetrics } from './ws-metrics.ts';

export interface WsLimits extends ConnectionSettings {
  heartbeatMs: number;
}

export const DEFAULT_WS_LIMITS: WsLimits = {
  maxConcurrentAsks: 4,
  maxMessageBytes: 64 * 1024,
  heartbeatMs: 30_000,
  closeGraceMs: 2_000,
  streamIdleMs: 30_000,
  window: { highWaterBytes: 256 * 1024, hardLimitBytes: 4 * 1024 * 1024, stallTimeoutMs: 10_000, pollMs: 25 },
};

/** Hears revoked keys (by public id), to close the sockets opened with them at once. */
export type RevocationFeed = (listener: (revoked: { id: string }) => void) => () => void;

export interface WebSocketOptions {
  generate: GenerateUpstream;
  /** Chat and resume messages; without it they get SERVICE_UNAVAILABLE. */
  sessions?: SessionUpstream | undefined;
  /** Recommend messages; without it they get SERVICE_UNAVAILABLE. */
  recommend?: RecommendUpstream | undefined;
  logger: Logger;
  registry: Registry;
  promptGuard: PromptGuard;
  /** The same admission path as HTTP: at the upgrade, and again for every ask. */
  admission: Admission;
  revocations?: RevocationFeed | undefined;
  /** Spends `?ticket=` credentials; without it a ticket is refused as unknown. */
  tickets?: WsTickets | undefined;
  /** Counts each rag ask's question, as /v1/rag does. */
  popularQuestions?: PopularQuestions | undefined;
  limits?: Partial<Omit<WsLimits, 'window'>> & { window?: Partial<WsLimits['window']> };
}

/** What opens a socket: the first of these scopes the caller holds (a refusal names `chat`, as before). */
const SOCKET_NEEDS = [WS_ASK_NEEDS, WS_CHAT_NEEDS, WS_RECOMMEND_NEEDS];

const VALID_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const WEBSOCKET_KEY = /^[+/0-9A-Za-z]{22}==$/;

/**
 * The WebSocket endpoint on the gateway's HTTP server. Credentials are checked before the
 * upgrade so a refused client gets a real status and the error envelope, not a socket that
 * closes at once.
 */
export class WsGateway {
  readonly #options: WebSocketOptions;
  readonly #limits: WsLimits;
  readonly #wss: WebSocketServer;
  readonly #heartbeat: Heartbeat;
  readonly #connections = new Set<WsConnection>();
  readonly #stopListening: () => void;
  readonly #metrics;
  #accepting = true;
  #idleWaiters: Array<() => void> = [];

  constructor(server: Server, options: WebSocketOptions) {
    this.#options = options;
    this.#limits = {
      ...DEFAULT_WS_LIMITS,
      ...options.limits,
      window: { ...DEFAULT_WS_LIMITS.window, ...options.limits?.window },
    };
    this.#metrics = createWsMetrics(options.registry);
    // ws enforces twice our limit while parsing frames, so memory stays bounded even for a message
    // far over it; up to that, the connection answers with a clear close reason itself.
    this.#wss = new WebSocketServer({
      noServer: true,
      maxPayload: this.#limits.maxMessageBytes * 2,
      perMessageDeflate: false,
      // Echo `ragfleet.v1` only: a bearer subprotocol is a secret and page scripts see the answer.
      handleProtocols: chooseSubprotocol,
    });
    this.#wss.on('headers', (headers) => headers.push(`${API_VERSION_HEADER}: ${API_VERSION}`));
    this.#heartbeat = new Heartbeat(this.#limits.heartbeatMs);
    server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      void this.#upgrade(request, socket, head);
    });
    this.#stopListening =
      options.revocations?.((revoked) => {
        for (const connection of this.#connections) if (connection.keyId === revoked.id) connection.revoke();
      }) ?? (() => {});
  }

  get connections(): number {
    return this.#connections.size;
  }

  get activeAsks(): number {
    let total = 0;
    for (const connection of this.#connections) total += connection.activeAsks;
    return total;
  }

  /** Shutdown, first step: refuse new sockets and asks; resolves when running asks have ended. */
  drain(): Promise<void> {
    this.#accepting = false;
    if (this.activeAsks === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  /** Shutdown, last step: unfinished asks get a final error event, sockets close with 1001. */
  close(): void {
    this.#accepting = false;
    this.#heartbeat.stop();
    this.#stopListening();
    for (const connection of this.#connections) connection.shutdown();
    this.#wss.close();
  }

  async #upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    // A client resetting mid-handshake must not surface as an unhandled error.
    socket.on('error', () => socket.destroy());
    const offered = request.headers[REQUEST_ID_HEADER.toLowerCase()];
    const requestId = typeof offered === 'string' && VALID_REQUEST_ID.test(offered) ? offered : randomUUID();
    try {
      checkHandshake(request, this.#accepting);
      const reauthenticate = await this.#authenticator(request);
      // A refusal here is an HTTP status before any socket exists; the upgrade itself costs nothing.
      // A socket is for rag asks, conversations or recommendations: any of their scopes opens it,
      // each ask checks its own.
      const caller = await reauthenticate();
      const { identity } = await this.#options.admission.admitAs(caller, {
        ...(SOCKET_NEEDS.find((needs) => hasScope(caller, needs.scope)) ?? WS_CHAT_NEEDS),
        limits: 'none',
        what: `GET ${WS_PATH}`,
      });
      if (socket.destroyed) return;
      // Read now: each ask on the socket is a child of the upgrade request's trace, if it sent one.
      const traceParent = extractTraceContext(request.headers);
      this.#wss.handleUpgrade(request, socket, head, (ws) =>
        this.#connect(ws, reauthenticate, identity, traceParent),
      );
    } catch (caught) {
      const error = normalizeError(caught);
      // The path without its query: a ticket is a credential, and logs are no place for one.
      const path = (request.url ?? '').split('?')[0];
      this.#options.logger.debug({ code: error.code, path }, 'websocket upgrade refused');
      this.#metrics.errors.inc({ route: path === WS_PATH ? WS_PATH : 'unmatched', code: error.code });
      rejectUpgrade(socket, error, requestId);
    }
  }

  /**
   * How this socket's credential is checked, now and at every ask: its headers authenticated
   * again, or the grant of its ticket (spent here, once) revalidated.
   */
  async #authenticator(request: IncomingMessage): Promise<Reauthenticate> {
    const credentials = socketCredentials(request);
    const auth = this.#options.admission.auth;
    if (credentials.kind === 'headers') return () => auth.authenticate(credentials.headers);
    const tickets = this.#options.tickets;
    if (!tickets) throw new RagfleetError('UNAUTHENTICATED', 'This gateway issues no WebSocket tickets.');
    const grant = await tickets.redeem(credentials.ticket);
    return () => auth.revalidate(grant);
  }

  #connect(
    socket: WebSocket,
    reauthenticate: Reauthenticate,
    identity: Identity,
    traceParent: Context,
  ): void {
    const connection = new WsConnection(
      socket,
      reauthenticate,
      identity,
      {
        generate: this.#options.generate,
        sessions: this.#options.sessions,
        recommend: this.#options.recommend,
        guard: this.#options.promptGuard,
        popularQuestions: this.#options.popularQuestions,
        logger: this.#options.logger,
        metrics: this.#metrics,
        settings: this.#limits,
        admission: this.#options.admission,
        accepting: () => this.#accepting,
        onAskEnded: () => this.#wakeIfIdle(),
      },
      traceParent,
    );
    this.#connections.add(connection);
    this.#metrics.connections.inc();
    this.#heartbeat.track(socket);
    socket.on('close', () => {
      this.#connections.delete(connection);
      this.#metrics.connections.dec();
      this.#wakeIfIdle();
    });
  }

  #wakeIfIdle(): void {
    if (this.activeAsks > 0) return;
    for (const wake of this.#idleWaiters.splice(0)) wake();
  }
}

/** What ws would refuse with a bare 400, refused with the envelope instead (and routing first). */
function checkHandshake(request: IncomingMessage, accepting: boolean): void {
  const path = (request.url ?? '/').split('?')[0];
  if (path !== WS_PATH) {
    throw new RagfleetError('ROUTE_NOT_FOUND', `No WebSocket endpoint at ${path}; use ${WS_PATH}.`);
  }
  if (request.method !== 'GET') {
    throw new RagfleetError('METHOD_NOT_ALLOWED', 'A WebSocket upgrade must be a GET.', {
      details: { allow: ['GET'] },
    });
  }
  const upgrade = request.headers.upgrade?.toLowerCase();
  const key = request.headers['sec-websocket-key'];
  const version = request.headers['sec-websocket-version'];
  if (upgrade !== 'websocket' || typeof key !== 'string' || !WEBSOCKET_KEY.test(key) || version !== '13') {
    throw new RagfleetError('INVALID_ARGUMENT', 'Not a valid WebSocket handshake (RFC 6455, version 13).');
  }
  if (!accepting) {
    throw new RagfleetError('SERVICE_UNAVAILABLE', 'The gateway is shutting down.', { retryable: true });
  }
}

export function attachWebSocket(server: Server, options: WebSocketOptions): WsGateway {
  return new WsGateway(server, options);
}
