import { pino, type DestinationStream } from 'pino';

/** Errors that say nobody will ever read stdout again (the reader exited, the terminal closed). */
const READER_GONE = new Set(['EPIPE', 'ECONNRESET', 'EBADF']);

/**
 * stdout for log lines, written synchronously like pino's default, except that a reader who
 * has gone away stops the logging instead of the process: pino's own stdout stream retries a
 * write that failed with EPIPE forever when it flushes at exit, so a service whose launcher died
 * would never finish shutting down (and would keep its ports).
 */
export function stdoutDestination(): DestinationStream {
  const stream = pino.destination({ dest: 1, sync: true });
  let readerGone = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (!READER_GONE.has(error.code ?? '')) throw error;
    readerGone = true;
  });
  return {
    write(line: string) {
      if (readerGone) return;
      try {
        stream.write(line);
      } catch (error) {
        if (!READER_GONE.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
        readerGone = true;
      }
    },
  };
}
