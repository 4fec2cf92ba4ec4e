import { Metadata, status, type ServiceError, type StatusObject } from '@grpc/grpc-js';
import { ERROR_CODES, RagfleetError, isErrorCode, toRagfleetError } from '@ragfleet/errors';

const CODE_KEY = 'ragfleet-error-code';
const RETRYABLE_KEY = 'ragfleet-retryable';
const DETAILS_KEY = 'ragfleet-error-details';

/**
 * JSON with every character outside printable ASCII written as a \uXXXX escape. Metadata values
 * must be ASCII: a detail naming a caller's "réseau" would otherwise make the status itself fail
 * to send, and the caller wait for its deadline. JSON.parse reads the escapes back unchanged.
 */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[^\x20-\x7e]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** The one mapping from the fleet's errors to gRPC status, carrying the stable code in trailers. */
export function toGrpcStatus(error: unknown): Partial<StatusObject> & { code: status } {
  const ragfleet = toRagfleetError(error);
  const metadata = new Metadata();
  metadata.set(CODE_KEY, ragfleet.code);
  metadata.set(RETRYABLE_KEY, String(ragfleet.retryable));
  if (ragfleet.details) metadata.set(DETAILS_KEY, asciiJson(ragfleet.details));
  return { code: ERROR_CODES[ragfleet.code].grpc, details: ragfleet.message, metadata };
}

const BY_GRPC_STATUS: Partial<Record<status, RagfleetError['code']>> = {
  [status.CANCELLED]: 'CANCELLED',
  [status.INVALID_ARGUMENT]: 'INVALID_ARGUMENT',
  [status.DEADLINE_EXCEEDED]: 'DEADLINE_EXCEEDED',
  [status.NOT_FOUND]: 'NOT_FOUND',
  [status.FAILED_PRECONDITION]: 'FAILED_PRECONDITION',
  [status.PERMISSION_DENIED]: 'PERMISSION_DENIED',
  [status.RESOURCE_EXHAUSTED]: 'RATE_LIMITED',
  [status.UNAVAILABLE]: 'SERVICE_UNAVAILABLE',
  [status.UNAUTHENTICATED]: 'UNAUTHENTICATED',
  [status.UNIMPLEMENTED]: 'ROUTE_NOT_FOUND',
};

/** The reverse mapping, for clients: the stable code from trailers, else one implied by the status. */
export function fromGrpcError(error: unknown): RagfleetError {
  const serviceError = error as Partial<ServiceError>;
  if (typeof serviceError?.code !== 'number') return toRagfleetError(error);
  const metadata = serviceError.metadata;
  const carried = metadata?.get(CODE_KEY)[0];
  const message = serviceError.details || serviceError.message || 'upstream error';
  if (isErrorCode(carried)) {
    const detailsText = metadata?.get(DETAILS_KEY)[0];
    return new RagfleetError(carried, message, {
      retryable: metadata?.get(RETRYABLE_KEY)[0] === 'true',
      details:
        typeof detailsText === 'string' ? (JSON.parse(detailsText) as Record<string, unknown>) : undefined,
      cause: error,
    });
  }
  // Without a ragfleet code the text comes from grpc-js itself (addresses, socket errors):
  // keep it for logs and give callers the code's own description.
  const code = BY_GRPC_STATUS[serviceError.code as status] ?? 'INTERNAL';
  return new RagfleetError(code, ERROR_CODES[code].description, { internal: message, cause: error });
}

/**
 * What a failure inside a handler (or behind a gateway route) tells that code's own caller. Only
 * a server's own check answers UNAUTHENTICATED: the same code coming from an upstream means it
 * refused this process's service token, a fault of the fleet's configuration, not of the caller's
 * credentials (the gateway would otherwise answer 401 to a user whose key is fine). It goes on as
 * INTERNAL, logged as an error.
 */
export function upstreamFailure(error: unknown): RagfleetError {
  const failure = toRagfleetError(error);
  if (failure.code !== 'UNAUTHENTICATED') return failure;
  return new RagfleetError('INTERNAL', 'Internal error', {
    internal: `an upstream refused this service's credentials: ${failure.message} ${JSON.stringify(failure.details ?? {})}`,
    cause: error,
  });
}
