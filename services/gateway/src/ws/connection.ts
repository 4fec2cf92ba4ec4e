import { randomUUID } from 'node:crypto';
import type { RawData, WebSocket } from 'ws';
import { RagfleetError } from '@ragfleet/errors';
import { upstreamFailure } from '@ragfleet/grpc';
import { runWithRequestContext, withServerSpan, type Context, type Logger } from '@ragfleet/telemetry';
import { callerContext, isCredentialRefusal, type Admission } from '../admission/admission.ts';
import type { Identity } from '../auth/identity.ts';
import type { PromptGuard } from '../guard/prompt-guard.ts';
import { logError, normalizeError } from '../http/errors.ts';
import { fieldProblems } from '../http/validation.ts';
import { answerEvents, answerRequest, errorFromEvent, truncatedStreamError } from '../rag-answer.ts';
import type { TurnEvent } from '../session-json.ts';
import { offsetError, turnEvents, turnRequest } from '../session-turn.ts';
import { recommendEvents, RECOMMEND_TERMINAL, truncatedRecommendations } from '../recommend-stream.ts';
import type { GenerateUpstream, RecommendUpstream, SessionUpstream } from '../upstreams.ts';
import {
  wsClientMessage,
  type WsAskMessage,
  type WsChatMessage,
  type WsRagMessage,
  type WsRecommendMessage,
  type WsResumeMessage,
} from './messages.ts';
import { WS_ASK_NEEDS, WS_CHAT_NEEDS, WS_PATH, WS_RECOMMEND_NEEDS } from './endpoint.ts';
import { SendWindow, type SendWindowOptions } from './send-window.ts';
import { wsErrorEvent, wsRecommendErrorEvent, wsTurnErrorEvent, type WsEvent } from './ws-events.ts';
import type { WsMetrics } from './ws-metrics.ts';

export const CLOSE_GOING_AWAY = 1001;
export const CLOSE_POLICY_VIOLATION = 1008;
export const CLOSE_TOO_BIG = 1009;
/** The socket's credentials are no longer valid (revoked key, expired token); as graphql-ws uses it. */
export const CLOSE_UNAUTHORIZED = 4401;

export interface ConnectionSettings {
  maxConcurrentAsks: number;
  maxMessageBytes: number;
  window: SendWindowOptions;
  /** After a close frame, how long a peer has to answer before the socket is cut. */
  closeGraceMs: number;
  /** Longest silence between two upstream events of an ask before it is cut (UPSTREAM_TIMEOUT). */
  streamIdleMs: number;
}

export interface ConnectionDeps {
  generate: GenerateUpstream;
  /** Chat and resume asks; without it they get SERVICE_UNAVAILABLE. */
  sessions?: SessionUpstream | undefined;
  /** Recommend asks; without it they get SERVICE_UNAVAILABLE. */
  recommend?: RecommendUpstream | undefined;
  guard: PromptGuard;
  logger: Logger;
  metrics: WsMetrics;
  settings: ConnectionSettings;
  admission: Admission;
  /** False once shutdown has begun: new asks are refused. */
  accepting: () => boolean;
  /** Called whenever an ask ends, so a drain can notice the socket going idle. */
  onAskEnded: () => void;
}

interface Ask {
  controller: AbortController;
  /** What it streams: its error events have that stream's shape (a turn's: seq, fallback suggestions). */
  kind: AskKind;
  /** Set once the terminal event (done or error) is sent: nothing more goes out for this ask. */
  ended: boolean;
  /** The error its terminal event carried, if it ended with one: its span's error status. */
  failure?: RagfleetError;
}

/** Each ask's SERVER span: the socket lives for minutes, an ask is one request. */
export const WS_ASK_SPAN = `WS ${WS_PATH} ask`;

/** Checks the socket's credential again, as it stands now: the caller, or UNAUTHENTICATED. */
export type Reauthenticate = () => Promise<Identity>;

/** One client socket: parses its messages, runs its asks concurrently, tags their events. */
export class WsConnection {
  readonly #socket: WebSocket;
  readonly #reauthenticate: Reauthenticate;
  readonly #identity: Identity;
  readonly #deps: ConnectionDeps;
  readonly #window: SendWindow;
  readonly #asks = new Map<string, Ask>();
  readonly #traceParent: Context;

  /** `traceParent`: the trace context of the upgrade request (its traceparent), parent of every ask. */
  constructor(
    socket: WebSocket,
    reauthenticate: Reauthenticate,
    identity: Identity,
    deps: ConnectionDeps,
    traceParent: Context,
  ) {
    this.#socket = socket;
    this.#traceParent = traceParent;
    this.#reauthenticate = reauthenticate;
    this.#identity = identity;
    this.#deps = deps;
    this.#window = new SendWindow(socket, deps.settings.window);
    socket.on('message', (data, isBinary) => this.#onMessage(data, isBinary));
    // The peer is gone (closed, cut, or terminated by the heartbeat): stop every upstream stream.
    socket.on('close', () => this.#abortAll(new RagfleetError('CANCELLED', 'The client disconnected.')));
    socket.on('error', (error) => deps.logger.debug({ err: error.message }, 'websocket error'));
  }

  get activeAsks(): number {
    return this.#asks.size;
  }

  /** The key (or token subject) the socket was opened with, to find it when that key is revoked. */
  get keyId(): string {
    return this.#identity.keyId;
  }

  /** The socket's key was revoked: running asks end with UNAUTHENTICATED and the socket closes 4401. */
  revoke(): void {
    this.#refuseCredentials(new RagfleetError('UNAUTHENTICATED', 'The API key of this socket was revoked.'));
  }

  /** Shutdown after the drain: running asks get a final error, then the socket closes 1001. */
  shutdown(): void {
    const error = new RagfleetError('SERVICE_UNAVAILABLE', 'The gateway is shutting down; ask again.', {
      retryable: true,
    });
    for (const [id, ask] of this.#asks) this.#finish(ask, errorEvent(id, ask.kind, error));
    this.#abortAll(error);
    this.#close(CLOSE_GOING_AWAY, 'server shutting down');
  }

  #onMessage(data: RawData, isBinary: boolean): void {
    const size = Array.isArray(data) ? data.reduce((total, part) => total + part.length, 0) : data.byteLength;
    if (size > this.#deps.settings.maxMessageBytes) {
      const limit = this.#deps.settings.maxMessageBytes;
      this.#send(
        wsErrorEvent(null, new RagfleetError('PAYLOAD_TOO_LARGE', `Messages are limited to ${limit} bytes.`)),
      );
      this.#close(CLOSE_TOO_BIG, `message too large: limit ${limit} bytes`);
      return;
    }
    if (isBinary) {
      this.#reject(null, new RagfleetError('INVALID_ARGUMENT', 'Send JSON as text messages, not binary.'));
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(rawText(data));
    } catch {
      this.#reject(null, new RagfleetError('INVALID_ARGUMENT', 'The message is not valid JSON.'));
      return;
    }
    const result = wsClientMessage.safeParse(parsed);
    if (!result.success) {
      const fields = fieldProblems('message', result.error);
      const summary = fields.slice(0, 3).map((problem) => `${problem.field}: ${problem.message}`);
      this.#reject(
        claimedId(parsed),
        new RagfleetError('INVALID_ARGUMENT', `Invalid message: ${summary.join('; ')}`, {
          details: { fields },
        }),
      );
      return;
    }
    const message = result.data;
    if (message.type === 'cancel') this.#cancel(message.id);
    // A chat or resume may leave the id to the gateway: its events carry the one chosen.
    else void this.#tracedAsk({ ...message, id: message.id ?? randomUUID() });
  }

  /**
   * Runs one ask in its own SERVER span, so the generate call is its child and the ask is a trace
   * rooted at the gateway (or a part of the upgrade's caller's trace). The ask answers its errors
   * as events itself; they are thrown here only for the span to record, then dropped.
   */
  #tracedAsk(message: WsAskMessage): Promise<void> {
    return withServerSpan(
      WS_ASK_SPAN,
      this.#traceParent,
      async () => {
        const failure = await this.#ask(message);
        if (failure) throw failure;
      },
      { 'http.route': WS_PATH, 'ragfleet.ws.ask_id': message.id, 'ragfleet.ws.ask_type': message.type },
    ).catch(() => {});
  }

  #cancel(id: string): void {
    const ask = this.#asks.get(id);
    if (!ask) {
      this.#reject(id, new RagfleetError('NOT_FOUND', `No running ask has id "${id}".`));
      return;
    }
    const error = new RagfleetError('CANCELLED', 'Cancelled by the client.');
    this.#finish(ask, errorEvent(id, ask.kind, error));
    ask.controller.abort(error);
  }

  /** Runs one ask to its terminal event; answers the error it ended with, if any. */
  async #ask(message: WsAskMessage): Promise<RagfleetError | undefined> {
    const { id } = message;
    const kind = askKind(message);
    if (!this.#deps.accepting()) {
      return this.#reject(
        id,
        new RagfleetError('SERVICE_UNAVAILABLE', 'The gateway is shutting down; ask again.'),
        kind,
      );
    }
    if (this.#asks.has(id)) {
      return this.#reject(
        id,
        new RagfleetError('INVALID_ARGUMENT', `Ask id "${id}" is already running on this socket.`),
        kind,
      );
    }
    const max = this.#deps.settings.maxConcurrentAsks;
    if (this.#asks.size >= max) {
      return this.#reject(
        id,
        new RagfleetError('RATE_LIMITED', `At most ${max} asks may run at once on one socket.`, {
          details: { max_concurrent_asks: max },
        }),
        kind,
      );
    }
    const ask: Ask = { controller: new AbortController(), kind, ended: false };
    this.#asks.set(id, ask);
    let release = () => {};
    try {
      // Admitted like an HTTP request, every time: a key revoked since the upgrade stops here.
      const needs = ASK_NEEDS[kind];
      const admitted = await this.#deps.admission.admitAs(await this.#reauthenticate(), needs);
      release = admitted.release;
      if (ask.controller.signal.aborted) return ask.failure;
      const question =
        message.type === 'rag' ? message.query : message.type === 'chat' ? message.message : '';
      if (question && this.#deps.guard.inspect(question, 'ws').flagged) {
        this.#send({ type: 'status', id, stage: 'guard', message: 'flagged', provider: '', model: '' });
      }
      await runWithRequestContext(callerContext(admitted.identity, randomUUID()), () => {
        if (message.type === 'rag')
          return this.#stream(id, ask, { ...message, tier: admitted.identity.tier });
        if (message.type === 'recommend') return this.#streamRecommend(id, ask, message, admitted.identity);
        return this.#streamTurn(id, ask, message);
      });
    } catch (caught) {
      const error = normalizeError(caught);
      if (isCredentialRefusal(error)) this.#refuseCredentials(error);
      else this.#finish(ask, errorEvent(id, kind, error));
    } finally {
      this.#asks.delete(id);
      ask.controller.abort(new RagfleetError('CANCELLED', 'The ask ended.'));
      release();
      this.#deps.onAskEnded();
    }
    return ask.failure;
  }

  /** The credentials are gone: every running ask ends with the error, then the socket closes. */
  #refuseCredentials(error: RagfleetError): void {
    this.#deps.logger.info(
      { key: this.#identity.keyId, code: error.code },
      'websocket credentials refused: closing',
    );
    // With no ask to carry it, the error goes out untagged so the client still learns why.
    if (this.#asks.size === 0) this.#send(wsErrorEvent(null, error));
    for (const [id, ask] of this.#asks) this.#finish(ask, errorEvent(id, ask.kind, error));
    this.#abortAll(error);
    this.#close(CLOSE_UNAUTHORIZED, 'credentials no longer valid');
  }

  /** Pulls the upstream stream one event at a time, only while the client keeps up. */
  async #stream(id: string, ask: Ask, message: WsRagMessage): Promise<void> {
    const { signal } = ask.controller;
    const started = performance.now();
    let first = true;
    this.#deps.popularQuestions?.asked(message.query);
    const upstream = this.#deps.generate.answer(answerRequest(message), {
      signal,
      idleTimeoutMs: this.#deps.settings.streamIdleMs,
    });
    try {
      for await (const event of answerEvents(upstream)) {
        if (first && event.type === 'token') {
          first = false;
          const seconds = (performance.now() - started) / 1000;
          this.#deps.metrics.wsTimeToFirstToken.observe(seconds);
          this.#deps.metrics.timeToFirstToken.observe({ transport: 'websocket' }, seconds);
        }
        const terminal = event.type === 'done' || event.type === 'error';
        if (terminal) this.#finish(ask, { ...event, id });
        else if (!ask.ended) this.#send({ ...event, id });
        if (terminal) return;
        await this.#window.ready(signal);
        if (signal.aborted) throw signal.reason;
      }
      throw truncatedStreamError();
    } catch (caught) {
      const error = upstreamFailure(caught);
      if (error.code === 'SLOW_CONSUMER') {
        this.#finish(ask, wsErrorEvent(id, error));
        this.#deps.logger.warn({ ask: id, err: error.internal }, 'websocket client too slow: closing');
        this.#close(CLOSE_POLICY_VIOLATION, 'client too slow');
        return;
      }
      if (!ask.ended) logError(this.#deps.logger, error, { route: '/v1/ws', ask: id });
      this.#finish(ask, wsErrorEvent(id, error));
    }
  }

  /**
   * A chat (a new session first when it names none) or a resume: the session service's turn
   * events, tagged with the ask id, each with its seq; the same pacing and limits as a rag ask.
   */
  async #streamTurn(id: string, ask: Ask, message: WsChatMessage | WsResumeMessage): Promise<void> {
    const sessions = this.#deps.sessions;
    if (!sessions)
      throw new RagfleetError('SERVICE_UNAVAILABLE', 'Sessions are not enabled on this gateway.');
    const { signal } = ask.controller;
    const settings = { signal, idleTimeoutMs: this.#deps.settings.streamIdleMs };
    const started = performance.now();
    let events: AsyncIterable<TurnEvent>;
    if (message.type === 'chat') {
      const sessionId = message.session_id ?? (await sessions.createSession({}, { signal })).session?.id;
      if (!sessionId)
        throw new RagfleetError('INTERNAL', 'Internal error', { internal: 'no session created' });
      events = turnEvents(sessions.turn(turnRequest(sessionId, message), settings));
    } else {
      events = turnEvents(
        sessions.resumeTurn(
          { sessionId: message.session_id, turnId: message.turn, afterSeq: message.after },
          settings,
        ),
      );
    }
    let first = true;
    try {
      for await (const event of events) {
        if (first && event.type === 'token') {
          first = false;
          this.#deps.metrics.timeToFirstToken.observe(
            { transport: 'websocket' },
            (performance.now() - started) / 1000,
          );
        }
        const terminal = event.type === 'done' || event.type === 'error';
        if (terminal) this.#finish(ask, { ...event, id });
        else if (!ask.ended) this.#send({ ...event, id });
        if (terminal) return;
        await this.#window.ready(signal);
        if (signal.aborted) throw signal.reason;
      }
      // A resume after the turn's last event replays nothing; the ask still ends with an event.
      throw message.type === 'resume'
        ? new RagfleetError(
            'INVALID_ARGUMENT',
            'message.after: the turn ended at or before it; nothing follows',
            {
              details: { fields: [{ field: 'message.after', message: 'the turn ended at or before it' }] },
            },
          )
        : truncatedStreamError();
    } catch (caught) {
      const error = offsetError(upstreamFailure(caught), 'message.after');
      if (error.code === 'SLOW_CONSUMER') {
        this.#finish(ask, errorEvent(id, 'turn', error));
        this.#deps.logger.warn({ ask: id, err: error.internal }, 'websocket client too slow: closing');
        this.#close(CLOSE_POLICY_VIOLATION, 'client too slow');
        return;
      }
      if (!ask.ended && error.code !== 'INVALID_ARGUMENT') {
        logError(this.#deps.logger, error, { route: '/v1/ws', ask: id });
      }
      this.#finish(ask, errorEvent(id, 'turn', error));
    }
  }

  /**
   * A recommend ask: the scorer's pipeline events (status … complete) for the subject, as the
   * NDJSON stream of `GET /v1/subjects/:id/recommendations` has them, tagged with the ask id.
   */
  async #streamRecommend(
    id: string,
    ask: Ask,
    message: WsRecommendMessage,
    identity: Identity,
  ): Promise<void> {
    const recommend = this.#deps.recommend;
    if (!recommend)
      throw new RagfleetError('SERVICE_UNAVAILABLE', 'Recommendations are not enabled on this gateway.');
    const { signal } = ask.controller;
    const upstream = recommend.recommend(
      {
        subjectId: message.subject_id,
        includeModel: message.include_model ?? true,
        limit: message.limit ?? 0,
        tier: identity.tier,
      },
      { signal, idleTimeoutMs: this.#deps.settings.streamIdleMs },
    );
    try {
      for await (const event of recommendEvents(upstream)) {
        const terminal = event.type === RECOMMEND_TERMINAL || event.type === 'error';
        if (terminal) this.#finish(ask, { ...event, id });
        else if (!ask.ended) this.#send({ ...event, id });
        if (terminal) return;
        await this.#window.ready(signal);
        if (signal.aborted) throw signal.reason;
      }
      throw truncatedRecommendations();
    } catch (caught) {
      const error = upstreamFailure(caught);
      if (error.code === 'SLOW_CONSUMER') {
        this.#finish(ask, errorEvent(id, 'recommend', error));
        this.#deps.logger.warn({ ask: id, err: error.internal }, 'websocket client too slow: closing');
        this.#close(CLOSE_POLICY_VIOLATION, 'client too slow');
        return;
      }
      // An unknown subject is the caller's mistake, not the fleet's: answered, not logged as a failure.
      if (!ask.ended && error.code !== 'NOT_FOUND')
        logError(this.#deps.logger, error, { route: '/v1/ws', ask: id });
      this.#finish(ask, errorEvent(id, 'recommend', error));
    }
  }

  /** Sends an ask's terminal event, once. */
  #finish(ask: Ask, event: WsEvent): void {
    if (ask.ended) return;
    ask.ended = true;
    if (event.type === 'error') ask.failure = errorFromEvent(event.error);
    this.#deps.metrics.asks.inc({ outcome: event.type === 'error' ? event.error.code : 'done' });
    this.#send(event);
  }

  #reject(id: string | null, error: RagfleetError, kind: AskKind = 'rag'): RagfleetError {
    this.#deps.metrics.rejected.inc({ code: error.code });
    this.#send(errorEvent(id, kind, error));
    return error;
  }

  /** Every event goes out here, so every error event sent is counted here (a socket has no status). */
  #send(event: WsEvent): void {
    if (this.#socket.readyState !== this.#socket.OPEN) return;
    this.#socket.send(JSON.stringify(event));
    if (event.type === 'error') this.#deps.metrics.errors.inc({ route: WS_PATH, code: event.error.code });
  }

  #abortAll(reason: RagfleetError): void {
    for (const ask of this.#asks.values()) ask.controller.abort(reason);
  }

  #close(code: number, reason: string): void {
    if (this.#socket.readyState === this.#socket.OPEN) this.#socket.close(code, reason);
    // A peer that does not answer the close frame (or reads nothing) must not hold the socket.
    setTimeout(() => this.#socket.terminate(), this.#deps.settings.closeGraceMs).unref();
  }
}

type AskKind = 'rag' | 'turn' | 'recommend';

function askKind(message: WsAskMessage): AskKind {
  if (message.type === 'rag') return 'rag';
  return message.type === 'recommend' ? 'recommend' : 'turn';
}

/** What each kind of ask needs, as its HTTP route does (scope, a request and a stream slot). */
const ASK_NEEDS = { rag: WS_ASK_NEEDS, turn: WS_CHAT_NEEDS, recommend: WS_RECOMMEND_NEEDS } as const;

/** An ask's error event: a turn's shape for chat and resume asks, a recommendation stream's, or the rag shape. */
function errorEvent(id: string | null, kind: AskKind, error: RagfleetError): WsEvent & { type: 'error' } {
  if (kind === 'turn') return wsTurnErrorEvent(id, error);
  if (kind === 'recommend') return wsRecommendErrorEvent(id, error);
  return wsErrorEvent(id, error);
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}

/** The ask id of a message that failed validation, when it has a usable one, to tag the error. */
function claimedId(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || !('id' in value)) return null;
  const { id } = value;
  return typeof id === 'string' && id.length > 0 && id.length <= 128 ? id : null;
}
