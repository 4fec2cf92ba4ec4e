import type { Logger } from '@ragfleet/telemetry';
import { invalidField, RagfleetError, toRagfleetError } from '@ragfleet/errors';
import type { Answerer, TokenCounter } from '../answerer.ts';
import type {
  MessageCitation,
  MessageRecord,
  SequencedTurnEvent,
  SessionRef,
  TurnEvent,
} from '../records.ts';
import { isTerminalEvent } from '../records.ts';
import { turnNotFound } from '../session-errors.ts';
import type { SessionStore } from '../session-store.ts';
import { contextWindow } from './context-window.ts';
import { fallbackSuggestions } from './fallback-suggestions.ts';
import { LiveTurn } from './live-turn.ts';
import { windowOf, type RollingSummary } from './rolling-summary.ts';
import { standaloneQuestion } from './standalone-question.ts';
import type { TurnObserver } from './turn-observer.ts';

export interface TurnRequest {
  message: string;
  k: number;
  filters: Record<string, string>;
  promptVersion: string;
}

export interface TurnEngineOptions {
  store: SessionStore;
  answerer: Answerer;
  summary: RollingSummary;
  observer: TurnObserver;
  logger: Logger;
  countTokens: TokenCounter;
  /** Token budget of summary + history sent with each question. */
  contextTokens: number;
  maxMessageChars: number;
  /** How long one turn may run; also how long its lock holds if this process dies. */
  turnTimeoutMs: number;
}

interface Citations {
  citations?: { documentId?: string; chunkId?: string; title?: string }[];
}

/**
 * Runs conversation turns. A turn runs on its own, not on the caller's call: a client that drops
 * (or a gateway that dies) stops listening, the answer goes on, and every event is in the store's
 * buffer for ResumeTurn on any replica. Events are numbered by the store as they are buffered, so
 * a follower here and a follower elsewhere see the same seqs.
 */
export class TurnEngine {
  readonly #options: TurnEngineOptions;
  readonly #live = new Map<string, LiveTurn>();
  readonly #running = new Set<Promise<void>>();
  readonly #stopping = new AbortController();

  constructor(options: TurnEngineOptions) {
    this.#options = options;
  }

  /** Begins a turn (CONFLICT while another runs) and returns its events from the first. */
  async start(ref: SessionRef, request: TurnRequest): Promise<AsyncIterable<SequencedTurnEvent>> {
    const message = this.#checkMessage(request.message);
    const { store, turnTimeoutMs } = this.#options;
    let turnId: string;
    try {
      ({ turnId } = await store.beginTurn(ref, turnTimeoutMs));
    } catch (error) {
      if (toRagfleetError(error).code === 'CONFLICT') this.#options.observer.turnEnded('conflict', 0);
      throw error;
    }
    const live = new LiveTurn(ref.sessionId);
    this.#live.set(turnId, live);
    const running = this.#run(ref, turnId, { ...request, message }, live).finally(() => {
      this.#running.delete(running);
      this.#live.delete(turnId);
    });
    this.#running.add(running);
    return live.follow(0);
  }

  /**
   * A turn's events after `afterSeq`, then the live rest to its end. An empty turn id means the
   * session's latest turn. Unknown turn: NOT_FOUND (TURN_NOT_FOUND); an offset past the events
   * the turn has produced: INVALID_ARGUMENT.
   */
  async *resume(
    ref: SessionRef,
    turnId: string,
    afterSeq: number,
    signal: AbortSignal,
  ): AsyncGenerator<SequencedTurnEvent> {
    const { store, observer, turnTimeoutMs } = this.#options;
    let replayed = 0;
    let lastAtResume: number;
    try {
      const session = await store.get(ref);
      const id = turnId || session.lastTurnId;
      if (!id) throw turnNotFound(ref.sessionId, turnId);
      const live = this.#live.get(id);
      if (live?.sessionId === ref.sessionId) {
        lastAtResume = live.lastSeq;
        checkOffset(afterSeq, lastAtResume);
        for await (const event of live.follow(afterSeq, signal)) {
          if (event.seq <= lastAtResume) replayed += 1;
          yield event;
        }
      } else {
        const buffered = await store.readTurnEvents(ref, id, 0);
        if (buffered.length === 0 && id !== session.lastTurnId) throw turnNotFound(ref.sessionId, id);
        const last = buffered.at(-1);
        lastAtResume = last?.seq ?? 0;
        checkOffset(afterSeq, lastAtResume);
        // The client saw the turn's last event: the resume is complete at once.
        if (last && isTerminalEvent(last.event) && afterSeq === last.seq) {
          observer.resumed('ok', 0);
          return;
        }
        for await (const event of store.followTurn(ref, id, afterSeq, { timeoutMs: turnTimeoutMs, signal })) {
          if (event.seq <= lastAtResume) replayed += 1;
          yield event;
        }
      }
      observer.resumed('ok', replayed);
    } catch (error) {
      observer.resumed('failed', replayed);
      throw error;
    }
  }

  /** Shutdown: no new turn's answer outlives `timeoutMs`; each running turn ends with an event. */
  async drain(timeoutMs: number): Promise<void> {
    const all = Promise.allSettled([...this.#running]);
    const timer = setTimeout(
      () => this.#stopping.abort(new Error('the session service is stopping')),
      timeoutMs,
    );
    await all;
    clearTimeout(timer);
  }

  #checkMessage(message: string): string {
    const text = message.trim();
    if (!text) throw invalidField('message', 'must not be empty');
    if (text.length > this.#options.maxMessageChars) {
      throw invalidField('message', `must be at most ${this.#options.maxMessageChars} characters`);
    }
    return text;
  }

  async #run(ref: SessionRef, turnId: string, request: TurnRequest, live: LiveTurn): Promise<void> {
    const { store, answerer, observer, logger, countTokens, contextTokens, turnTimeoutMs } = this.#options;
    const started = performance.now();
    const signal = AbortSignal.any([this.#stopping.signal, AbortSignal.timeout(turnTimeoutMs)]);
    // This process is the turn's one writer (it holds the lock), so it numbers the events; the
    // store then writes each at most once, even when a dropped connection sends the write again.
    let numbered = 0;
    const emit = async (event: TurnEvent) => {
      const seq = await store.appendTurnEvent(ref, turnId, event, numbered + 1);
      numbered = seq;
      live.push({ seq, event });
    };
    const answer: string[] = [];
    const titles: string[] = [];
    let citations: MessageCitation[] = [];
    let done: TurnEvent | undefined;
    let usage: TurnEvent | undefined;
    let failure: TurnEvent | undefined;
    let attempts = 0;
    let question: MessageRecord | undefined;
    try {
      const session = await store.get(ref);
      const window = await windowOf(store, ref);
      question = await store.appendMessage(ref, {
        role: 'user',
        content: request.message,
        turnId,
        status: 'running',
        tokens: countTokens(request.message),
      });
      observer.messageAppended('user');
      await emit({ type: 'started', sessionId: ref.sessionId, turnId, messageId: String(question.seq) });

      const context = contextWindow(session.summary, window, contextTokens, countTokens);
      observer.contextSent(context.tokens);
      const events = answerer.answer(
        {
          query: request.message,
          searchQuery: standaloneQuestion(request.message, window),
          k: request.k,
          filters: request.filters,
          promptVersion: request.promptVersion,
          summary: context.summary,
          history: context.history,
        },
        signal,
      );
      for await (const event of events) {
        // Models tried: each fallback names one that failed, `generating` the one that opened.
        if (event.type === 'status' && (event.stage === 'generating' || event.stage === 'fallback'))
          attempts += 1;
        if (event.type === 'citations') {
          const found = (event as Citations).citations ?? [];
          titles.push(...found.map((c) => c.title ?? ''));
          citations = uniqueDocuments(found);
        }
        if (event.type === 'token') answer.push(String(event.text ?? ''));
        if (event.type === 'usage') usage = event;
        if (event.type === 'error') {
          failure = event;
          break;
        }
        // `done` ends the turn and releases its lock, so it is sent only once the reply is
        // stored (#settle below): sent here, a client's next turn could append its question
        // before this reply, and the session would read user, user, assistant, assistant.
        if (event.type === 'done') {
          done = event;
          break;
        }
        await emit(event);
      }
      if (!done && !failure) {
        failure = {
          type: 'error',
          code: 'PROVIDER_FAILED',
          message: 'The answer ended early.',
          retryable: true,
        };
      }
    } catch (error) {
      const ragfleet =
        signal.aborted && !this.#stopping.signal.aborted
          ? new RagfleetError('DEADLINE_EXCEEDED', `The turn did not finish within ${turnTimeoutMs} ms.`)
          : toRagfleetError(error);
      if (ragfleet.code === 'INTERNAL' || ragfleet.internal)
        logger.warn({ err: error, turnId }, 'turn failed');
      failure = {
        type: 'error',
        code: ragfleet.code,
        message: ragfleet.message,
        retryable: ragfleet.retryable,
      };
    }

    const seconds = () => (performance.now() - started) / 1_000;
    if (failure) {
      const code = String(failure.code ?? 'INTERNAL');
      // No provider could answer: the last one of the chain failed without a fallback status.
      if (code === 'PROVIDER_UNAVAILABLE') attempts += 1;
      await this.#settle(live, emit, {
        ...failure,
        attempts,
        fallbackSuggestions: fallbackSuggestions(request.message, titles),
      });
      if (question) await store.setMessageStatus(ref, question.seq, 'failed', code).catch(() => {});
      observer.turnEnded(this.#stopping.signal.aborted ? 'cancelled' : 'failed', seconds());
      return;
    }
    try {
      await store.appendMessage(ref, {
        role: 'assistant',
        content: answer.join(''),
        turnId,
        status: 'ok',
        citations,
        promptVersion: String(done?.promptVersion ?? ''),
        model: String(done?.model ?? ''),
        provider: String(done?.provider ?? ''),
        usage: {
          inputTokens: Number(usage?.inputTokens ?? 0),
          outputTokens: Number(usage?.outputTokens ?? 0),
        },
        tokens: countTokens(answer.join('')),
      });
      observer.messageAppended('assistant');
      if (question) await store.setMessageStatus(ref, question.seq, 'ok');
      await this.#settle(live, emit, done as TurnEvent);
      observer.turnEnded('done', seconds());
      await this.#options.summary.afterTurn(ref);
    } catch (error) {
      logger.warn({ err: error, turnId }, 'turn could not be recorded');
      const ragfleet = toRagfleetError(error);
      await this.#settle(live, emit, {
        type: 'error',
        code: ragfleet.code,
        message: 'The answer could not be recorded in the session.',
        retryable: ragfleet.retryable,
        attempts,
        fallbackSuggestions: fallbackSuggestions(request.message, titles),
      });
      observer.turnEnded('failed', seconds());
    }
  }

  /**
   * The turn's last event, which also releases its lock. If the store cannot take it, followers
   * here still get it (numbered after the last one they saw), and the lock runs out by itself.
   */
  async #settle(live: LiveTurn, emit: (event: TurnEvent) => Promise<void>, event: TurnEvent): Promise<void> {
    if (!isTerminalEvent(event)) throw new Error(`a turn must end with done or error, not ${event.type}`);
    try {
      await emit(event);
    } catch (error) {
      this.#options.logger.warn({ err: error }, 'the last event of a turn could not be buffered');
      if (!live.ended) live.push({ seq: live.lastSeq + 1, event });
    }
  }
}

function checkOffset(afterSeq: number, lastSeq: number): void {
  if (!Number.isSafeInteger(afterSeq) || afterSeq < 0)
    throw invalidField('after_seq', 'must be a non-negative integer');
  if (afterSeq > lastSeq) {
    throw invalidField('after_seq', `is past the last event of the turn so far (${lastSeq})`);
  }
}

/** One citation per document, in the order the answer cited them. */
function uniqueDocuments(citations: NonNullable<Citations['citations']>): MessageCitation[] {
  const seen = new Map<string, MessageCitation>();
  for (const citation of citations) {
    if (!citation.documentId || seen.has(citation.documentId)) continue;
    seen.set(citation.documentId, {
      documentId: citation.documentId,
      ...(citation.chunkId ? { chunkId: citation.chunkId } : {}),
      ...(citation.title ? { title: citation.title } : {}),
    });
  }
  return [...seen.values()];
}
