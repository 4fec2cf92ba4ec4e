import { RagfleetError } from '@ragfleet/errors';
import { protos, type SessionV1 } from '@ragfleet/protos';
import { GrpcClient, type CallSettings, type ClientSettings } from '../client.ts';

/** The unary calls are one store round trip each (no model call), so a short deadline. */
const STORE_CALL_DEADLINE_MS = 5_000;

/**
 * Typed client for ragfleet.session.v1.SessionService. The session's owner is the caller in the
 * request context (tenant and user go out as metadata), so no method takes an owner.
 */
export class SessionClient {
  readonly grpc: GrpcClient<SessionV1.SessionServiceClient>;

  constructor(address: string, settings?: ClientSettings) {
    this.grpc = new GrpcClient(protos.session().SessionService, address, settings);
  }

  /** Not retried: a second attempt would create a second session. */
  createSession(
    request: SessionV1.CreateSessionRequest = {},
    settings?: CallSettings,
  ): Promise<SessionV1.CreateSessionResponse__Output> {
    return this.grpc.unary('CreateSession', request, { deadlineMs: STORE_CALL_DEADLINE_MS, ...settings });
  }

  getSession(
    request: SessionV1.GetSessionRequest,
    settings?: CallSettings,
  ): Promise<SessionV1.GetSessionResponse__Output> {
    return this.grpc.unary('GetSession', request, {
      idempotent: true,
      deadlineMs: STORE_CALL_DEADLINE_MS,
      ...settings,
    });
  }

  listSessions(
    request: SessionV1.ListSessionsRequest = {},
    settings?: CallSettings,
  ): Promise<SessionV1.ListSessionsResponse__Output> {
    return this.grpc.unary('ListSessions', request, {
      idempotent: true,
      deadlineMs: STORE_CALL_DEADLINE_MS,
      ...settings,
    });
  }

  /** Idempotent: deleting a deleted session changes nothing. */
  deleteSession(id: string, settings?: CallSettings): Promise<SessionV1.DeleteSessionResponse__Output> {
    return this.grpc.unary(
      'DeleteSession',
      { id },
      { idempotent: true, deadlineMs: STORE_CALL_DEADLINE_MS, ...settings },
    );
  }

  /**
   * A turn's events, unwrapped from their responses; the first is `started` with the turn id
   * that resumeTurn needs. Abort the signal (or stop iterating) to stop listening: the turn itself
   * goes on in the service and can be resumed.
   */
  turn(request: SessionV1.TurnRequest, settings?: CallSettings): AsyncGenerator<SessionV1.TurnEvent__Output> {
    return eventsOf(this.grpc.stream<SessionV1.TurnResponse__Output>('Turn', request, settings));
  }

  /** The events after `afterSeq` of a turn, then the live rest of it until done or error. */
  resumeTurn(
    request: SessionV1.ResumeTurnRequest,
    settings?: CallSettings,
  ): AsyncGenerator<SessionV1.TurnEvent__Output> {
    return eventsOf(this.grpc.stream<SessionV1.ResumeTurnResponse__Output>('ResumeTurn', request, settings));
  }

  /** Operator counts over every tenant (no session content). */
  getStats(settings?: CallSettings): Promise<SessionV1.GetStatsResponse__Output> {
    return this.grpc.unary(
      'GetStats',
      {},
      { idempotent: true, deadlineMs: STORE_CALL_DEADLINE_MS, ...settings },
    );
  }

  close(): void {
    this.grpc.close();
  }
}

/** Turn and ResumeTurn wrap the same TurnEvent; a response without one breaks the contract. */
async function* eventsOf(
  responses: AsyncGenerator<{ event: SessionV1.TurnEvent__Output | null }>,
): AsyncGenerator<SessionV1.TurnEvent__Output> {
  for await (const response of responses) {
    if (!response.event?.event) {
      throw new RagfleetError('INTERNAL', 'The session service sent a turn response without an event.');
    }
    yield response.event;
  }
}
