import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { RawData, WebSocket } from 'ws';
import { RagfleetError } from '@ragfleet/errors';
import { runWithRequestContext, type Logger } from '@ragfleet/telemetry';
import type { PromptGuard } from '../guard/prompt-guard.ts';
import { logError, normalizeError } from '../http/errors.ts';
import { fieldProblems } from '../http/validation.ts';
import { answerEvents, answerRequest, truncatedStreamError } from '../rag-answer.ts';
import type { GenerateUpstream } from '../upstreams.ts';
import { wsClientMessage, type WsRagMessage } from './messages.ts';
import { SendWindow, type SendWindowOptions } from './send-window.ts';
import type { AdmitAsk, UpgradeIdentity } from './upgrade-identity.ts';
import { wsErrorEvent, type WsEvent } from './ws-events.ts';
import type { WsMetrics } from './ws-metrics.ts';

export const CLOSE_GOING_AWAY = 1001;
export const CLOSE_POLICY_VIOLATION = 1008;
export const CLOSE_TOO_BIG = 1009;

export interface ConnectionSettings {
  maxConcurrentAsks: number;
  maxMessageBytes: number;
  window: SendWindowOptions;
  /** After a close frame, how long a peer has to answer before the socket is cut. */
  closeGraceMs: number;
}

export interface ConnectionDeps<I extends UpgradeIdentity> {
  generate: GenerateUpstream;
  guard: PromptGuard;
  logger: Logger;
  metrics: WsMetrics;
  settings: ConnectionSettings;
  admitAsk: AdmitAsk<I> | undefined;
  /** False once shutdown has begun: new asks are refused. */
  accepting: () => boolean;
  /** Called whenever an ask ends, so a drain can notice the socket going idle. */
  onAskEnded: () => void;
}

interface Ask {
  controller: AbortController;
  /** Set once the terminal event (done or error) is sent: nothing more goes out for this ask. */
  ended: boolean;
}

/** One client socket: parses its messages, runs its asks concurrently, tags their events. */
export class WsConnection<I extends UpgradeIdentity> {
  readonly #socket: WebSocket;
  readonly #request: IncomingMessage;
  readonly #identity: I;
  readonly #deps: ConnectionDeps<I>;
  readonly #window: SendWindow;
  readonly #asks = new Map<string, Ask>();

  constructor(socket: WebSocket, request: IncomingMessage, identity: I, deps: ConnectionDeps<I>) {
    this.#socket = socket;
    this.#request = request;
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

  /** Shutdown after the drain: running asks get a final error, then the socket closes 1001. */
  shutdown(): void {
    const error = new RagfleetError('SERVICE_UNAVAILABLE', 'The gateway is shutting down; ask again.', {
      retryable: true,
    });
    for (const [id, ask] of this.#asks) this.#finish(ask, wsErrorEvent(id, error));
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
    else void this.#ask(message);
  }

  #cancel(id: string): void {
    const ask = this.#asks.get(id);
    if (!ask) {
      this.#reject(id, new RagfleetError('NOT_FOUND', `No running ask has id "${id}".`));
      return;
    }
    const error = new RagfleetError('CANCELLED', 'Cancelled by the client.');
    this.#finish(ask, wsErrorEvent(id, error));
    ask.controller.abort(error);
  }

  async #ask(message: WsRagMessage): Promise<void> {
    const { id } = message;
    if (!this.#deps.accepting()) {
      this.#reject(id, new RagfleetError('SERVICE_UNAVAILABLE', 'The gateway is shutting down; ask again.'));
      return;
    }
    if (this.#asks.has(id)) {
      this.#reject(
        id,
        new RagfleetError('INVALID_ARGUMENT', `Ask id "${id}" is already running on this socket.`),
      );
      return;
    }
    const max = this.#deps.settings.maxConcurrentAsks;
    if (this.#asks.size >= max) {
      this.#reject(
        id,
        new RagfleetError('RATE_LIMITED', `At most ${max} asks may run at once on one socket.`, {
          details: { max_concurrent_asks: max },
        }),
      );
      return;
    }
    const ask: Ask = { controller: new AbortController(), ended: false };
    this.#asks.set(id, ask);
    let release: void | (() => void) = undefined;
    try {
      if (this.#deps.guard.inspect(message.query, 'ws').flagged) {
        this.#send({ type: 'status', id, stage: 'guard', message: 'flagged', provider: '', model: '' });
      }
      release = await this.#deps.admitAsk?.(this.#identity, this.#request);
      if (ask.controller.signal.aborted) return;
      const requestId = randomUUID();
      await runWithRequestContext({ requestId, tenant: this.#identity.tenant }, () =>
        this.#stream(id, ask, message),
      );
    } catch (caught) {
      const error = normalizeError(caught);
      this.#finish(ask, wsErrorEvent(id, error));
    } finally {
      this.#asks.delete(id);
      ask.controller.abort(new RagfleetError('CANCELLED', 'The ask ended.'));
      if (typeof release === 'function') release();
      this.#deps.onAskEnded();
    }
  }

  /** Pulls the upstream stream one event at a time, only while the client keeps up. */
  async #stream(id: string, ask: Ask, message: WsRagMessage): Promise<void> {
    const { signal } = ask.controller;
    const started = performance.now();
    let first = true;
    const upstream = this.#deps.generate.answer(
      answerRequest({ ...message, tier: this.#identity.tier ?? message.tier }),
      { signal },
    );
    try {
      for await (const event of answerEvents(upstream)) {
        if (first && event.type === 'token') {
          first = false;
          this.#deps.metrics.timeToFirstToken.observe((performance.now() - started) / 1000);
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
      const error = normalizeError(caught);
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

  /** Sends an ask's terminal event, once. */
  #finish(ask: Ask, event: WsEvent): void {
    if (ask.ended) return;
    ask.ended = true;
    this.#deps.metrics.asks.inc({ outcome: event.type === 'error' ? event.error.code : 'done' });
    this.#send(event);
  }

  #reject(id: string | null, error: RagfleetError): void {
    this.#deps.metrics.rejected.inc({ code: error.code });
    this.#send(wsErrorEvent(id, error));
  }

  #send(event: WsEvent): void {
    if (this.#socket.readyState !== this.#socket.OPEN) return;
    this.#socket.send(JSON.stringify(event));
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
