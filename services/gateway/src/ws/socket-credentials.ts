import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { RagfleetError } from '@ragfleet/errors';
import { unauthenticated } from '../auth/auth-errors.ts';
import { API_KEY_HEADER, TENANT_HEADER } from '../auth/authenticator.ts';

/**
 * The subprotocol a client offers to speak this API's messages; the server echoes it (and only
 * it) in the handshake answer. A browser that offers subprotocols fails the handshake unless one
 * comes back, and whatever comes back is visible to page scripts, so it must never be a secret.
 */
export const WS_SUBPROTOCOL = 'ragfleet.v1';

/** A subprotocol carrying the credential, for browsers, which cannot set Authorization on a WebSocket. */
export const BEARER_SUBPROTOCOL_PREFIX = 'bearer.';

/** How a socket proves who it is for: headers (as HTTP has them), or a ticket to spend. */
export type SocketCredentials =
  { kind: 'headers'; headers: IncomingHttpHeaders } | { kind: 'ticket'; ticket: string };

/** The subprotocols a client offered, in order (RFC 6455: a comma-separated list of tokens). */
export function offeredSubprotocols(request: IncomingMessage): string[] {
  const header = request.headers['sec-websocket-protocol'];
  if (header === undefined) return [];
  return header
    .split(',')
    .map((protocol) => protocol.trim())
    .filter((protocol) => protocol !== '');
}

function ticketOf(request: IncomingMessage): string | undefined {
  const query = (request.url ?? '').split('?')[1];
  if (query === undefined) return undefined;
  const tickets = new URLSearchParams(query).getAll('ticket');
  if (tickets.length > 1) throw new RagfleetError('INVALID_ARGUMENT', 'Send one ticket.');
  return tickets[0];
}

/**
 * Finds the one credential of an upgrade request: `Authorization` or `X-API-Key` (clients that
 * can set headers), `Sec-WebSocket-Protocol: ragfleet.v1, bearer.<key or token>` (browsers), or
 * `?ticket=` from POST /v1/ws/tickets (browsers that keep keys out of page scripts). Two at once
 * are refused: which one should win would be a guess.
 */
export function socketCredentials(request: IncomingMessage): SocketCredentials {
  const protocols = offeredSubprotocols(request);
  if (protocols.length > 0 && !protocols.includes(WS_SUBPROTOCOL)) {
    throw new RagfleetError(
      'INVALID_ARGUMENT',
      `Offer the subprotocol ${WS_SUBPROTOCOL} (Sec-WebSocket-Protocol: ${WS_SUBPROTOCOL}, ` +
        `${BEARER_SUBPROTOCOL_PREFIX}<key or token>), or none.`,
    );
  }
  const bearers = protocols.filter((protocol) => protocol.startsWith(BEARER_SUBPROTOCOL_PREFIX));
  if (bearers.length > 1) throw unauthenticated('Offer one bearer subprotocol.');
  const { authorization, [API_KEY_HEADER]: apiKey, [TENANT_HEADER]: tenant } = request.headers;
  const ticket = ticketOf(request);
  const given = [authorization ?? apiKey, bearers[0], ticket].filter((value) => value !== undefined);
  if (given.length > 1) {
    throw unauthenticated('Send one credential: a header, a bearer subprotocol or a ticket, not several.');
  }
  if (ticket !== undefined) return { kind: 'ticket', ticket };
  const bearer = bearers[0]?.slice(BEARER_SUBPROTOCOL_PREFIX.length);
  if (bearer === '')
    throw unauthenticated(`The ${BEARER_SUBPROTOCOL_PREFIX} subprotocol carries no credential.`);
  // Only what admission reads, copied: the upgrade request is not kept for the socket's lifetime.
  const headers: IncomingHttpHeaders =
    bearer !== undefined
      ? { authorization: `Bearer ${bearer}`, [TENANT_HEADER]: tenant }
      : { authorization, [API_KEY_HEADER]: apiKey, [TENANT_HEADER]: tenant };
  return { kind: 'headers', headers };
}

/** The handshake's answer to the offered subprotocols: ours when offered, never a bearer one. */
export function chooseSubprotocol(protocols: Set<string>): string | false {
  return protocols.has(WS_SUBPROTOCOL) ? WS_SUBPROTOCOL : false;
}
