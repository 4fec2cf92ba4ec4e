import { z } from 'zod';
import { RagfleetError } from '@ragfleet/errors';
import { recommendEvent } from '../openapi/recommend-schemas.ts';
import { turnEvent } from '../openapi/session-schemas.ts';
import { WS_ASK_NEEDS, WS_PATH, WS_TICKETS_PATH } from '../ws/endpoint.ts';
import { BEARER_SUBPROTOCOL_PREFIX, WS_SUBPROTOCOL } from '../ws/socket-credentials.ts';
import { named, route, type GatewayRoute } from './route.ts';
import type { RouteKit } from './route-kit.ts';
import * as responses from '../openapi/response-schemas.ts';
import { wsClientMessage } from '../ws/messages.ts';
import { DEFAULT_TICKET_TTL_MS } from '../ws/tickets/ws-tickets.ts';

/**
 * POST /v1/ws/tickets: a single-use ticket for `GET /v1/ws?ticket=`, for a browser page that
 * should not hold the API key itself (its server asks for the ticket and hands it over).
 */
export function websocketTicketRoute(kit: Pick<RouteKit, 'wsTickets'>): GatewayRoute {
  return route({
    method: 'POST',
    path: WS_TICKETS_PATH,
    operationId: 'createWebSocketTicket',
    tag: 'rag',
    summary:
      `A single-use ticket that opens one WebSocket, \`GET ${WS_PATH}?ticket=…\`, within ` +
      `GATEWAY_WS_TICKET_TTL_MS (${DEFAULT_TICKET_TTL_MS / 1000} s by default).`,
    description:
      'For clients that cannot set `Authorization` on a WebSocket upgrade (browsers). The ticket stands for the ' +
      'credential of this request: the socket acts as that caller, and every ask is checked again (a revoked key ' +
      'or an expired token closes it with 4401). It works on any gateway replica, once, and is refused after ' +
      'its time or a second use with 401.',
    access: WS_ASK_NEEDS.scope,
    limits: 'request',
    responses: {
      201: {
        description: 'The ticket.',
        json: named('WebSocketTicket', responses.wsTicket),
        headers: { 'Cache-Control': { description: 'Always `no-store`.', schema: { type: 'string' } } },
      },
    },
    async handle({ identity, request, response }) {
      if (!identity)
        throw new RagfleetError('INTERNAL', 'Internal error', { internal: 'ticket without identity' });
      const issued = await kit.wsTickets.issueFor(identity, request.headers);
      response.setHeader('Cache-Control', 'no-store');
      response.status(201).json({
        ticket: issued.ticket,
        expires_at: issued.expiresAt,
        url: `${WS_PATH}?ticket=${issued.ticket}`,
      });
    },
  });
}

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
      'Upgrade with `Connection: Upgrade`, `Upgrade: websocket`. The credential comes as on HTTP (`Authorization`, ' +
      `\`X-API-Key\`), or, from a browser, as subprotocols \`Sec-WebSocket-Protocol: ${WS_SUBPROTOCOL}, ` +
      `${BEARER_SUBPROTOCOL_PREFIX}<key or token>\` (the answer echoes \`${WS_SUBPROTOCOL}\` only), or as ` +
      `\`?ticket=\` from \`POST ${WS_TICKETS_PATH}\`; one of them, never two. Credentials are checked before the upgrade ` +
      '(401 with the error envelope) and again for every ask, like an HTTP request: scopes, limits, and a key ' +
      'revoked or a token expired while the socket is open (the ask gets `UNAUTHENTICATED` and the socket ' +
      'closes with 4401). Client text messages are `WsClientMessage`; the server answers with `AnswerEvent` ' +
      'objects plus the ask `id` (errors without an ask have `id: null`). A `chat` message is a turn of a ' +
      'conversation (without `session_id` the gateway creates the session; its `started` event names it) and a ' +
      '`resume` replays a turn after `after` then follows it: both answer with `TurnEvent` objects (each with ' +
      '`seq`) plus the ask `id`, need the `chat` scope (which opens the socket as well as `rag` does), and may leave ' +
      '`id` to the gateway. A `recommend` message streams a subject’s recommendations as ' +
      '`GET /v1/subjects/{id}/recommendations` does (`RecommendEvent` objects plus the ask `id`, ending with ' +
      '`complete` or `error`), needs the `recommendations:read` scope (which opens the socket too) and may leave ' +
      '`id` to the gateway. Oversized messages close the socket ' +
      'with 1009; a client that reads too slowly gets `SLOW_CONSUMER` and is closed; an upstream silent past ' +
      'the idle limit gives `UPSTREAM_TIMEOUT`; on shutdown, unfinished asks get `SERVICE_UNAVAILABLE` and the ' +
      'socket closes with 1001.',
    access: WS_ASK_NEEDS.scope,
    // The upgrade costs nothing; each ask is charged as a request holding a stream slot.
    limits: 'none',
    responses: { 101: { description: 'Switching protocols.' } },
    websocket: {
      client: named('WsClientMessage', wsClientMessage),
      server: named('WsServerEvent', z.union([responses.answerEvent, turnEvent, recommendEvent])),
    },
    handle() {
      throw new RagfleetError(
        'INVALID_ARGUMENT',
        `${WS_PATH} speaks WebSocket only: connect with Upgrade: websocket (RFC 6455).`,
      );
    },
  });
}
