import type { Duplex } from 'node:stream';
import type { RagfleetError } from '@ragfleet/errors';
import { httpStatusOf, writeRawError } from '../http/errors.ts';
import { API_VERSION, API_VERSION_HEADER } from '../openapi/api-version.ts';

/** Refuses an upgrade with a plain HTTP response carrying the usual status and error envelope. */
export function rejectUpgrade(socket: Duplex, error: RagfleetError, requestId: string): void {
  const headers = [`${API_VERSION_HEADER}: ${API_VERSION}`];
  const retryAfter = error.details?.retry_after;
  if (typeof retryAfter === 'number') headers.push(`Retry-After: ${Math.ceil(retryAfter)}`);
  if (httpStatusOf(error) === 401) headers.push('WWW-Authenticate: Bearer');
  writeRawError(socket, error, requestId, headers);
}
