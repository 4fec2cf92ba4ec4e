import { isRagfleetError, RagfleetError, toRagfleetError, type ErrorCode } from '@ragfleet/errors';

/**
 * What a job's `error` says: a stable code from packages/errors and a plain sentence. The raw
 * detail (grpc-js's "14 UNAVAILABLE: No connection established…", "Call cancelled", a stack)
 * belongs in the log line of the attempt, never in the job a caller reads.
 */
export interface JobError {
  code: ErrorCode;
  message: string;
}

/** Codes of an embed that is not there (yet): down, starting, its model not loaded, shutting down mid-call. */
const UNREACHABLE: ReadonlySet<ErrorCode> = new Set([
  'SERVICE_UNAVAILABLE',
  'PROVIDER_UNAVAILABLE',
  'CANCELLED',
]);

/** Marks a failure as told by the embed step (safe for callers: it names only the upstream). */
const FROM_EMBED = { upstream: 'embed' };

/** Codes of an embed that was there but too slow. */
const TOO_SLOW: ReadonlySet<ErrorCode> = new Set(['DEADLINE_EXCEEDED', 'UPSTREAM_TIMEOUT']);

/**
 * A failed embed call as the job tells it. Unreachable is kept apart (code SERVICE_UNAVAILABLE)
 * because the worker waits for it instead of charging the job an attempt.
 */
export function embedFailure(error: unknown): RagfleetError {
  const failure = toRagfleetError(error);
  const internal = failure.internal ?? failure.message;
  if (UNREACHABLE.has(failure.code)) {
    return new RagfleetError('SERVICE_UNAVAILABLE', 'embed was unreachable', {
      internal,
      details: FROM_EMBED,
      cause: error,
    });
  }
  if (TOO_SLOW.has(failure.code)) {
    return new RagfleetError('DEADLINE_EXCEEDED', 'embed did not answer in time', {
      internal,
      details: FROM_EMBED,
      cause: error,
    });
  }
  if (failure.code === 'INTERNAL') {
    // A failure of no known kind may well pass: tried again, unlike embed's own INTERNAL answer.
    return new RagfleetError('INTERNAL', 'embed failed on these texts', {
      internal,
      retryable: isRagfleetError(error) ? error.retryable : true,
      details: FROM_EMBED,
      cause: error,
    });
  }
  // embed's own refusal (e.g. INVALID_ARGUMENT): its message is already meant for callers.
  return new RagfleetError(failure.code, `embed refused the texts: ${failure.message}`, {
    internal,
    retryable: failure.retryable,
    details: FROM_EMBED,
    cause: error,
  });
}

/** True when the failure means embed is not reachable now, not that this job is at fault. */
export function isEmbedUnreachable(error: unknown): boolean {
  return (
    isRagfleetError(error) && error.code === 'SERVICE_UNAVAILABLE' && error.details?.upstream === 'embed'
  );
}

/** Any failure of an attempt, for the job: the public part only. */
export function jobError(error: unknown): JobError {
  const failure = toRagfleetError(error);
  // Retrieve's own unexpected failures: their text is for the log, not for the job's reader.
  if (failure.code === 'INTERNAL' && failure.details?.upstream !== 'embed') {
    return { code: 'INTERNAL', message: 'the job failed inside retrieve; its log lines carry the job id' };
  }
  return { code: failure.code, message: failure.message };
}

/** The detail for the log line: the internal text when there is one. */
export function logDetail(error: unknown): string {
  const failure = toRagfleetError(error);
  return failure.internal ?? failure.message;
}
