import { invalidField } from '@ragfleet/errors';
import type { CallContext, Handlers } from '@ragfleet/grpc';
import type { SessionV1 } from '@ragfleet/protos';
import type { SessionStore } from '../domain/session-store.ts';
import { MAX_PAGE_LIMIT } from '../domain/store-inputs.ts';
import { callerOwner } from './caller-owner.ts';
import { recentMessages } from './recent-messages.ts';
import { toMessage, toSession } from './session-messages.ts';

const DEFAULT_SESSION_PAGE = 20;

/**
 * The session CRUD RPCs, each one store call (or two) owned by the caller. Turn and ResumeTurn
 * come with the turn engine (turns-not-served.ts answers them UNIMPLEMENTED until then).
 */
export function sessionHandlers(store: SessionStore): Handlers {
  const ref = (context: CallContext, sessionId: string) => {
    if (!sessionId) throw invalidField('id', 'is required');
    return { ...callerOwner(context), sessionId };
  };
  return {
    CreateSession: async (
      request: SessionV1.CreateSessionRequest__Output,
      context: CallContext,
    ): Promise<SessionV1.CreateSessionResponse> => {
      const metadata = {
        ...(request.title ? { title: request.title } : {}),
        ...(request.topic ? { topic: request.topic } : {}),
        labels: request.labels,
      };
      return { session: toSession(await store.create(callerOwner(context), metadata)) };
    },

    GetSession: async (
      request: SessionV1.GetSessionRequest__Output,
      context: CallContext,
    ): Promise<SessionV1.GetSessionResponse> => {
      const session = ref(context, request.id);
      const record = await store.get(session);
      const page = await recentMessages(store, session, record, {
        pageSize: request.messagePageSize,
        cursor: request.messageCursor,
      });
      return {
        session: toSession(record),
        messages: page.items.map(toMessage),
        nextMessageCursor: page.nextCursor ?? '',
      };
    },

    ListSessions: async (
      request: SessionV1.ListSessionsRequest__Output,
      context: CallContext,
    ): Promise<SessionV1.ListSessionsResponse> => {
      const page = await store.list(callerOwner(context), {
        limit: Math.min(request.pageSize || DEFAULT_SESSION_PAGE, MAX_PAGE_LIMIT),
        ...(request.cursor ? { cursor: request.cursor } : {}),
      });
      return { sessions: page.items.map(toSession), nextCursor: page.nextCursor ?? '' };
    },

    DeleteSession: async (
      request: SessionV1.DeleteSessionRequest__Output,
      context: CallContext,
    ): Promise<SessionV1.DeleteSessionResponse> => {
      await store.delete(ref(context, request.id));
      return { deleted: true };
    },
  };
}
