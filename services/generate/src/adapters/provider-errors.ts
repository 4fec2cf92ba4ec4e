import { RagfleetError, isRagfleetError } from '@ragfleet/errors';

// Statuses worth another attempt: timeouts, conflicts, rate limits, server errors, overload.
const TRANSIENT_STATUSES = new Set([408, 409, 425, 429, 500, 502, 503, 504, 529]);

/**
 * A provider failure as the pipeline understands it. Without an HTTP status (connection refused,
 * reset, a stream cut short) it is transient; a 4xx such as a bad key or an unknown model is not.
 */
export function providerFailure(provider: string, error: unknown, status?: number): RagfleetError {
  if (isRagfleetError(error)) return error;
  const detail = error instanceof Error ? error.message : String(error);
  const retryable = status === undefined || TRANSIENT_STATUSES.has(status);
  return new RagfleetError(
    'PROVIDER_UNAVAILABLE',
    `${provider} failed${status ? ` with status ${status}` : ''}`,
    {
      internal: `${provider}: ${status ?? 'no status'}: ${detail}`,
      retryable,
      cause: error,
    },
  );
}

/** What a provider throws when its caller went away, so nobody mistakes it for a provider fault. */
export function cancelledBy(signal: AbortSignal): RagfleetError {
  return new RagfleetError('CANCELLED', 'cancelled by caller', { cause: signal.reason });
}

export function truncatedStream(provider: string): RagfleetError {
  return new RagfleetError('PROVIDER_UNAVAILABLE', `${provider} stream ended before it finished`, {
    internal: `${provider}: the stream closed without its final message`,
    retryable: true,
  });
}
