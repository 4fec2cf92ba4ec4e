import { randomUUID } from 'node:crypto';
import type { RequestHandler, Response } from 'express';

export const REQUEST_ID_HEADER = 'X-Request-Id';
const VALID_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Every response carries X-Request-Id: the caller's own when it is a sane token (so a client can
 * correlate its logs with ours), else a fresh one. Runs first so even parse errors carry it.
 */
export const assignRequestId: RequestHandler = (request, response, next) => {
  const offered = request.get(REQUEST_ID_HEADER);
  const requestId = offered && VALID_REQUEST_ID.test(offered) ? offered : randomUUID();
  response.locals.requestId = requestId;
  response.setHeader(REQUEST_ID_HEADER, requestId);
  next();
};

export function requestIdOf(response: Response): string {
  const value: unknown = response.locals.requestId;
  return typeof value === 'string' ? value : 'unknown';
}
