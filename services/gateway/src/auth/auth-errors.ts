import { RagfleetError } from '@ragfleet/errors';

export function unauthenticated(message: string): RagfleetError {
  return new RagfleetError('UNAUTHENTICATED', message);
}

export function permissionDenied(message: string): RagfleetError {
  return new RagfleetError('PERMISSION_DENIED', message);
}

/**
 * The RFC 6750 challenge sent with every 401: without credentials a bare challenge, with
 * rejected ones `error="invalid_token"` so a client knows to get new ones rather than retry.
 */
export function bearerChallenge(credentialsPresented: boolean): string {
  return credentialsPresented ? 'Bearer realm="ragfleet", error="invalid_token"' : 'Bearer realm="ragfleet"';
}
