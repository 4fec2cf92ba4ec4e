/**
 * Every error code the fleet can return, in one table: the HTTP status the gateway answers with,
 * the gRPC status services use between themselves, whether a retry can succeed, and what it
 * means for a caller. Codes are stable: clients branch on them, so never rename one.
 */
export const ERROR_CODES = {
  INVALID_ARGUMENT: {
    http: 400,
    grpc: 3,
    retryable: false,
    description: 'The request is malformed or a field is invalid.',
  },
  PAYLOAD_TOO_LARGE: {
    http: 413,
    grpc: 3,
    retryable: false,
    description: 'The request body exceeds the size limit.',
  },
  UNSUPPORTED_MEDIA_TYPE: { http: 415, grpc: 3, retryable: false, description: 'The body must be JSON.' },
  FAILED_PRECONDITION: {
    http: 409,
    grpc: 9,
    retryable: false,
    description: 'The resource is not in a state that allows this (e.g. an index version still building).',
  },
  NOT_FOUND: {
    http: 404,
    grpc: 5,
    retryable: false,
    description: 'The resource does not exist for this tenant.',
  },
  SESSION_NOT_FOUND: {
    http: 404,
    grpc: 5,
    retryable: false,
    description: "No such conversation session for this caller (unknown, deleted, or someone else's).",
  },
  SESSION_EXPIRED: {
    http: 404,
    grpc: 5,
    retryable: false,
    description: 'The conversation session expired after its idle time; start a new one.',
  },
  CONFLICT: {
    http: 409,
    grpc: 10,
    retryable: true,
    description: 'Another operation on the same resource is running (e.g. a second turn on one session).',
  },
  ROUTE_NOT_FOUND: { http: 404, grpc: 12, retryable: false, description: 'No such route or method.' },
  METHOD_NOT_ALLOWED: {
    http: 405,
    grpc: 12,
    retryable: false,
    description: 'The route exists but not for this method.',
  },
  UNAUTHENTICATED: {
    http: 401,
    grpc: 16,
    retryable: false,
    description: 'Credentials are missing or invalid.',
  },
  PERMISSION_DENIED: { http: 403, grpc: 7, retryable: false, description: 'The caller may not do this.' },
  RATE_LIMITED: {
    http: 429,
    grpc: 8,
    retryable: true,
    description: 'Too many requests; retry after the indicated delay.',
  },
  BUDGET_EXCEEDED: { http: 402, grpc: 8, retryable: false, description: "The tenant's budget is spent." },
  DEADLINE_EXCEEDED: {
    http: 504,
    grpc: 4,
    retryable: true,
    description: 'An upstream call ran past its deadline.',
  },
  UPSTREAM_TIMEOUT: {
    http: 504,
    grpc: 4,
    retryable: true,
    description: 'An upstream stream went silent for longer than the idle limit; it was cancelled.',
  },
  PROVIDER_UNAVAILABLE: {
    http: 503,
    grpc: 14,
    retryable: true,
    description: 'No model provider could answer.',
  },
  PROVIDER_FAILED: {
    http: 502,
    grpc: 13,
    retryable: true,
    description: 'The model provider failed mid-answer.',
  },
  SERVICE_UNAVAILABLE: {
    http: 503,
    grpc: 14,
    retryable: true,
    description: 'A service is down or shutting down.',
  },
  CANCELLED: { http: 499, grpc: 1, retryable: false, description: 'The caller went away.' },
  PROMPT_REJECTED: {
    http: 400,
    grpc: 3,
    retryable: false,
    description: 'The question looks like a prompt-injection attempt and the guard is set to block.',
  },
  SLOW_CONSUMER: {
    http: 408,
    grpc: 8,
    retryable: true,
    description:
      'The client read a stream too slowly; the gateway closed it rather than buffer without bound.',
  },
  INTERNAL: {
    http: 500,
    grpc: 13,
    retryable: false,
    description: 'An unexpected failure; the request id finds it in the logs.',
  },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
}
