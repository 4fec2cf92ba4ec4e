import { ERROR_CODES, type ErrorCode } from './codes.ts';

const brand = Symbol.for('ragfleet.error');

export interface RagfleetErrorOptions {
  /** Safe to show to callers; field-level detail for validation errors. */
  details?: Record<string, unknown>;
  /** For logs only: never sent to a caller. */
  internal?: string;
  cause?: unknown;
  retryable?: boolean;
}

/**
 * The one error type that crosses boundaries. `message` is public; `internal` stays in logs.
 * A brand (not instanceof) identifies it, so that copies of this package loaded twice agree.
 */
export class RagfleetError extends Error {
  readonly [brand] = true;
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;
  readonly internal: string | undefined;
  readonly retryable: boolean;

  constructor(code: ErrorCode, message: string, options: RagfleetErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = 'RagfleetError';
    this.code = code;
    this.details = options.details;
    this.internal = options.internal;
    this.retryable = options.retryable ?? ERROR_CODES[code].retryable;
  }

  toJSON(): { code: ErrorCode; message: string; details?: Record<string, unknown>; retryable: boolean } {
    return { code: this.code, message: this.message, details: this.details, retryable: this.retryable };
  }
}

export function isRagfleetError(value: unknown): value is RagfleetError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[brand] === true;
}

/** Anything thrown, as a RagfleetError: unknown failures become INTERNAL with the cause kept for logs. */
export function toRagfleetError(value: unknown): RagfleetError {
  if (isRagfleetError(value)) return value;
  const internal = value instanceof Error ? value.message : String(value);
  return new RagfleetError('INTERNAL', 'Internal error', { internal, cause: value });
}
