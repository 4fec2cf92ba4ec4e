import { setLogger } from '@grpc/grpc-js';

const REPORTED_BY_CALLER = 'No address added out of total';

/**
 * grpc-js prints its own "No address added …" line before a failed bind rejects; the rejection
 * reaches the service host, which reports it as one line naming the port and its variable. Keep
 * everything else grpc-js has to say on stderr, as it would print it.
 */
export function quietBindFailures(): void {
  setLogger({
    error: (...args: unknown[]) => {
      if (args.some((arg) => typeof arg === 'string' && arg.includes(REPORTED_BY_CALLER))) return;
      console.error(...args);
    },
  });
}
