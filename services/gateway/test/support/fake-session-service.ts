import { invalidField, RagfleetError } from '@ragfleet/errors';
import type { CallContext, Handlers } from '@ragfleet/grpc';
import type { SessionV1 } from '@ragfleet/protos';
import { NORMAL_ANSWER } from './fake-upstreams.ts';

/** A turn event before the service numbers it. */
export type UnnumberedEvent = Omit<SessionV1.TurnEvent, 'seq'>;

interface FakeTurn {
  id: string;
  sessionId: string;
  owner: string;
  events: SessionV1.TurnEvent[];
  ended: boolean;
  /** Woken whenever an event is appended or the turn ends. */
  changed: Set<() => void>;
}

interface FakeSession {
  owner: string;
  session: SessionV1.Session;
}

const ownerOf = (context: CallContext) => `${context.tenant}/${context.user ?? ''}`;

/** Generate's normal answer as the events of a turn (after `started`). */
export function normalTurn(): UnnumberedEvent[] {
  return NORMAL_ANSWER.map((message) => ({ ...message }) as UnnumberedEvent);
}

/**
 * SessionService as a real gRPC service with in-memory behaviour, standing in for the session
 * service's turn engine: sessions owned by the caller's tenant and user (anyone else gets
 * SESSION_NOT_FOUND), turns numbered from 1 and buffered as they are produced, so that
 * ResumeTurn replays after `after_seq` and then follows the live turn, as the contract says.
 * A turn is produced in the background: a caller that goes away does not stop it.
 */
export class FakeSessionService {
  readonly sessions = new Map<string, FakeSession>();
  readonly turns = new Map<string, FakeTurn>();
  /** Replace to script a turn's events after `started` (the last should be done or error). */
  script: (request: SessionV1.TurnRequest__Output) => UnnumberedEvent[] = normalTurn;
  /** When set, a turn holds after this many events (started counted) until release(). */
  holdAfter: number | undefined;
  stats: SessionV1.GetStatsResponse = {
    activeSessions: 3,
    messagesLastHour: 12,
    turnsPerMinute: 0.1,
    summariesLastHour: 1,
  };
  #gate: { promise: Promise<void>; open: () => void } = gate();
  #next = 1;
  readonly #see: (method: string, request: unknown, context: CallContext) => void;

  constructor(see: (method: string, request: unknown, context: CallContext) => void) {
    this.#see = see;
  }

  /** Lets held turns go on (and holds the next ones again, if holdAfter stays set). */
  release(): void {
    this.#gate.open();
    this.#gate = gate();
  }

  handlers(): Handlers {
    return {
      CreateSession: async (request: SessionV1.CreateSessionRequest__Output, context: CallContext) => {
        this.#see('CreateSession', request, context);
        const id = `session-${this.#next++}`;
        const now = new Date().toISOString();
        const session: SessionV1.Session = {
          id,
          title: request.title,
          topic: request.topic,
          labels: request.labels,
          createdAt: now,
          lastActivityAt: now,
          messageCount: 0,
          summary: '',
          summarizedMessageCount: 0,
        };
        this.sessions.set(id, { owner: ownerOf(context), session });
        return { session };
      },
      GetSession: async (request: SessionV1.GetSessionRequest__Output, context: CallContext) => {
        this.#see('GetSession', request, context);
        return { session: this.#owned(request.id, context).session, messages: [], nextMessageCursor: '' };
      },
      ListSessions: async (request: SessionV1.ListSessionsRequest__Output, context: CallContext) => {
        this.#see('ListSessions', request, context);
        const own = [...this.sessions.values()].filter((entry) => entry.owner === ownerOf(context));
        return { sessions: own.reverse().map((entry) => entry.session), nextCursor: '' };
      },
      DeleteSession: async (request: SessionV1.DeleteSessionRequest__Output, context: CallContext) => {
        this.#see('DeleteSession', request, context);
        this.#owned(request.id, context);
        this.sessions.delete(request.id);
        return { deleted: true };
      },
      Turn: (request: SessionV1.TurnRequest__Output, context: CallContext) => {
        this.#see('Turn', request, context);
        this.#owned(request.sessionId, context);
        if (!request.message.trim()) throw invalidField('message', 'must not be empty');
        const turn: FakeTurn = {
          id: `turn-${this.#next++}`,
          sessionId: request.sessionId,
          owner: ownerOf(context),
          events: [],
          ended: false,
          changed: new Set(),
        };
        this.turns.set(turn.id, turn);
        void this.#produce(turn, [
          { started: { sessionId: turn.sessionId, turnId: turn.id, messageId: `${turn.id}-user` } },
          ...this.script(request),
        ]);
        return this.#follow(turn, 0, context.signal);
      },
      ResumeTurn: (request: SessionV1.ResumeTurnRequest__Output, context: CallContext) => {
        this.#see('ResumeTurn', request, context);
        this.#owned(request.sessionId, context);
        const turn = this.turns.get(request.turnId);
        if (!turn || turn.sessionId !== request.sessionId) {
          throw new RagfleetError('NOT_FOUND', `Turn "${request.turnId}" does not exist.`);
        }
        if (request.afterSeq > turn.events.length) {
          throw invalidField('after_seq', `is past the turn's last event (${turn.events.length})`);
        }
        return this.#follow(turn, request.afterSeq, context.signal);
      },
      GetStats: async (request: SessionV1.GetStatsRequest__Output, context: CallContext) => {
        this.#see('GetStats', request, context);
        return this.stats;
      },
    };
  }

  #owned(id: string, context: CallContext): FakeSession {
    const entry = this.sessions.get(id);
    if (!entry || entry.owner !== ownerOf(context)) {
      throw new RagfleetError('SESSION_NOT_FOUND', `Session "${id}" does not exist.`);
    }
    return entry;
  }

  async #produce(turn: FakeTurn, events: UnnumberedEvent[]): Promise<void> {
    for (const event of events) {
      if (this.holdAfter !== undefined && turn.events.length >= this.holdAfter) await this.#gate.promise;
      turn.events.push({ ...event, seq: turn.events.length + 1 });
      for (const wake of turn.changed) wake();
    }
    turn.ended = true;
    for (const wake of turn.changed) wake();
  }

  async *#follow(turn: FakeTurn, after: number, signal: AbortSignal): AsyncGenerator<SessionV1.TurnResponse> {
    let next = after;
    for (;;) {
      while (next < turn.events.length) yield { event: turn.events[next++] as SessionV1.TurnEvent };
      if (turn.ended || signal.aborted) return;
      await new Promise<void>((resolve) => {
        const wake = () => {
          turn.changed.delete(wake);
          signal.removeEventListener('abort', wake);
          resolve();
        };
        turn.changed.add(wake);
        signal.addEventListener('abort', wake, { once: true });
      });
    }
  }
}

function gate(): { promise: Promise<void>; open: () => void } {
  let open = () => {};
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}
