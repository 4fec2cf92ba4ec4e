import { invalidField } from '@ragfleet/errors';
import type { CallContext, Handlers } from '@ragfleet/grpc';
import type { SessionV1 } from '@ragfleet/protos';
import type { SessionStore } from '../domain/session-store.ts';
import type { TurnEngine } from '../domain/turns/turn-engine.ts';
import { callerOwner } from './caller-owner.ts';
import { toProtoTurnEvent } from './turn-events.ts';

/** Turn, ResumeTurn and the operators' GetStats. */
export function turnHandlers(engine: TurnEngine, store: SessionStore): Handlers {
  const ref = (context: CallContext, sessionId: string) => {
    if (!sessionId) throw invalidField('session_id', 'is required');
    return { ...callerOwner(context), sessionId };
  };
  return {
    Turn: async function* (
      request: SessionV1.TurnRequest__Output,
      context: CallContext,
    ): AsyncGenerator<SessionV1.TurnResponse> {
      const events = await engine.start(ref(context, request.sessionId), {
        message: request.message,
        k: request.k,
        filters: request.filters,
        promptVersion: request.promptVersion,
      });
      for await (const event of events) yield { event: toProtoTurnEvent(event) };
    },

    ResumeTurn: async function* (
      request: SessionV1.ResumeTurnRequest__Output,
      context: CallContext,
    ): AsyncGenerator<SessionV1.ResumeTurnResponse> {
      const events = engine.resume(
        ref(context, request.sessionId),
        request.turnId,
        request.afterSeq,
        context.signal,
      );
      for await (const event of events) yield { event: toProtoTurnEvent(event) };
    },

    GetStats: async (): Promise<SessionV1.GetStatsResponse> => {
      const stats = await store.stats();
      return {
        activeSessions: stats.activeSessions,
        messagesLastHour: stats.messagesLastHour,
        turnsPerMinute: stats.turnsLastHour / 60,
        summariesLastHour: stats.summariesLastHour,
      };
    },
  };
}
