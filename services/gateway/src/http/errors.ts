import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ErrorRequestHandler } from 'express';
import { ERROR_CODES, RagfleetError, toRagfleetError } from '@ragfleet/errors';
import type { Counter, Logger } from '@ragfleet/telemetry';
import { randomUUID } from 'node:crypto';
import { rateLimitErrorHeaders } from '../admission/rate-limited.ts';
import { routeLabel } from './metrics.ts';
import { REQUEST_ID_HEADER, requestIdOf } from './request-id.ts';

/** The one error shape every route answers with (see DESIGN.md). */
export interface ErrorEnvelope {
  error: {
    code: RagfleetError['code'];
    message: string;
    details: Record<string, unknown> | null;
    request_id: string;
    retryable: boolean;
  };
}

/** Errors raised by body-parser and the router carry an HTTP status; give them the fleet's codes. */
interface HttpishError {
  status?: unknown;
  statusCode?: unknown;
  expose?: unknown;
  message?: unknown;
}

function fromHttpError(error: unknown): RagfleetError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const candidate = error as HttpishError;
  const status = candidate.status ?? candidate.statusCode;
  if (typeof status !== 'number' || status < 400 || status >= 500) return undefined;
  if (status === 413)
    return new RagfleetError('PAYLOAD_TOO_LARGE', 'The request body exceeds the size limit.');
  if (status === 415) return new RagfleetError('UNSUPPORTED_MEDIA_TYPE', 'The body must be UTF-8 JSON.');
  const message = candidate.expose === true && typeof candidate.message === 'string' ? candidate.message : '';
  return new RagfleetError('INVALID_ARGUMENT', message || 'The request is malformed.', { cause: error });
}

/** Anything thrown on the way to a response, as a RagfleetError with a stable code. */
export function normalizeError(error: unknown): RagfleetError {
  return fromHttpError(error) ?? toRagfleetError(error);
}

export function httpStatusOf(error: RagfleetError): number {
  return ERROR_CODES[error.code].http;
}

export function toErrorEnvelope(error: RagfleetError, requestId: string): ErrorEnvelope {
  return {
    error: {
      code: error.code,
      message: error.message,
      details: error.details ?? null,
      request_id: requestId,
      retryable: error.retryable,
    },
  };
}

/** Server faults are worth an operator's attention; a client's mistakes are not. */
export function logError(logger: Logger, error: RagfleetError, fields: Record<string, unknown>): void {
  const status = httpStatusOf(error);
  const entry = { ...fields, code: error.code, status, err: error.internal ?? error.message };
  if (error.code === 'INTERNAL') logger.error(entry, 'request failed');
  else if (status >= 500) logger.warn(entry, 'request failed');
  else logger.debug(entry, 'request rejected');
}

/**
 * The single place where an error becomes an HTTP response; `errors` counts each by route and
 * code (ragfleet_gateway_errors_total), a cut stream included.
 */
export function errorHandler(logger: Logger, errors?: Counter): ErrorRequestHandler {
  return (caught: unknown, request, response, _next) => {
    const error = normalizeError(caught);
    logError(logger, error, { method: request.method, path: request.path });
    errors?.inc({ route: routeLabel(request), code: error.code });
    if (response.headersSent) {
      // Too late for a status line: cut the response so the client cannot mistake it for complete.
      response.destroy();
      return;
    }
    if (error.code === 'METHOD_NOT_ALLOWED' && Array.isArray(error.details?.allow)) {
      response.setHeader('Allow', error.details.allow.join(', '));
    }
    if (error.code === 'RATE_LIMITED') response.set(rateLimitErrorHeaders(error));
    response.status(httpStatusOf(error)).json(toErrorEnvelope(error, requestIdOf(response)));
  };
}

/**
 * An error answered on a raw socket, where there is no Express response: a refused WebSocket
 * upgrade, or a request Node's HTTP parser rejected. Same status, envelope and headers as above.
 */
export function writeRawError(
  socket: Duplex,
  error: RagfleetError,
  requestId: string,
  extraHeaders: string[] = [],
): void {
  if (socket.destroyed || !socket.writable) return;
  const status = httpStatusOf(error);
  const body = JSON.stringify(toErrorEnvelope(error, requestId));
  const head = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}`,
    'Connection: close',
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    `${REQUEST_ID_HEADER}: ${requestId}`,
    ...extraHeaders,
  ];
  socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
}

/**
 * Requests too malformed for Node's HTTP parser (unknown methods, bad header bytes, oversized
 * headers) would get a bare `400` with no body; give them the envelope and a documented code.
 */
export function answerMalformedRequests(server: Server, extraHeaders: string[] = [], errors?: Counter): void {
  server.on('clientError', (cause: Error & { code?: string }, socket: Duplex) => {
    if (cause.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const error =
      cause.code === 'HPE_HEADER_OVERFLOW'
        ? new RagfleetError('PAYLOAD_TOO_LARGE', 'The request headers exceed the size limit.')
        : new RagfleetError('INVALID_ARGUMENT', 'The request is not valid HTTP/1.1.', {
            internal: cause.code,
          });
    // No route was ever matched: the parser refused the request before routing.
    errors?.inc({ route: 'unmatched', code: error.code });
    writeRawError(socket, error, randomUUID(), extraHeaders);
  });
}
