import { RagfleetError } from '@ragfleet/errors';
import { WS_ASK_NEEDS, WS_PATH } from '../ws/endpoint.ts';
import { named, route, type GatewayRoute } from './route.ts';
import * as responses from '../openapi/response-schemas.ts';
import { wsClientMessage } from '../ws/messages.ts';

/**
 * GET /v1/ws as the table knows it: the upgrade itself is handled by the WebSocket server
 * (ws/ws-gateway.ts), with the same access; a plain HTTP GET is told how to connect instead.
 */
export function websocketRoute(): GatewayRoute {
  return route({
    method: 'GET',
    path: WS_PATH,
    operationId: 'websocket',
    tag: 'rag',
    summary: 'WebSocket: ask over one connection, streamed events tagged with the ask id.',
    description:
      'Upgrade with `Connection: Upgrade`, `Upgrade: websocket`; credentials are checked before the upgrade ' +
      '(401 with the error envelope) and again for every ask, like an HTTP request: scopes, limits, and a key ' +
      'revoked or a token expired while the socket is open (the ask gets `UNAUTHENTICATED` and the socket ' +
      'closes with 4401). Client text messages are `WsClientMessage`; the server answers with `AnswerEvent` ' +
      'objects plus the ask `id` (errors without an ask have `id: null`). Oversized messages close the socket ' +
      'with 1009; a client that reads too slowly gets `SLOW_CONSUMER` and is closed; an upstream silent past ' +
      'the idle limit gives `UPSTREAM_TIMEOUT`; on shutdown, unfinished asks get `SERVICE_UNAVAILABLE` and the ' +
      'socket closes with 1001.',
    access: WS_ASK_NEEDS.scope,
    // The upgrade costs nothing; each ask is charged as a request holding a stream slot.
    limits: 'none',
    responses: { 101: { description: 'Switching protocols.' } },
    websocket: {
      client: named('WsClientMessage', wsClientMessage),
      server: named('AnswerEvent', responses.answerEvent),
    },
    handle() {
      throw new RagfleetError(
        'INVALID_ARGUMENT',
        `${WS_PATH} speaks WebSocket only: connect with Upgrade: websocket (RFC 6455).`,
      );
    },
  });
}
