/** A failure worth one clear line to the user and exit code 1, without a stack trace. */
export class CliError extends Error {
  /** The process's exit code: 1 for a failed operation, 2 for a command typed wrong. */
  readonly exitCode: number;
  /** The gateway's stable error code (CONFLICT, NOT_FOUND...) when the gateway refused the call. */
  readonly code: string | undefined;

  constructor(message: string, options: { exitCode?: number; code?: string } = {}) {
    super(message);
    this.name = 'CliError';
    this.exitCode = options.exitCode ?? 1;
    this.code = options.code;
  }
}

/**
 * A command typed wrong (a missing or bad argument): exit 2, as shells and scripts expect, so a
 * script can tell "you called me wrong" from "the gateway refused".
 */
export class UsageError extends CliError {
  constructor(message: string, usage?: string) {
    super(usage ? `${message}\n${usage}` : message, { exitCode: 2 });
    this.name = 'UsageError';
  }
}
