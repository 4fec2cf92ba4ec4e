/**
 * A start that cannot succeed (the local model would not load, however often it was tried) and
 * that was already reported in one log line. main.ts exits with status 1 on it instead of letting
 * Node print the error's stack: a supervisor sees the exit, an operator reads the one line.
 */
export class StartAbandoned extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'StartAbandoned';
  }
}

/** For main.ts: exit 1 on an abandoned start (already logged), rethrow anything else. */
export function exitIfStartAbandoned(error: unknown): never {
  if (error instanceof StartAbandoned) process.exit(1);
  throw error;
}
