import { RagfleetError } from '@ragfleet/errors';

/** What the window reads from a socket: bytes queued but not yet handed to the kernel. */
export interface BufferedSocket {
  readonly bufferedAmount: number;
}

export interface SendWindowOptions {
  /** Above this many queued bytes, stop pulling events from upstream until the client catches up. */
  highWaterBytes: number;
  /** Above this many, the client is cut at once (a single event can overshoot the high-water mark). */
  hardLimitBytes: number;
  /** A client that stays above the high-water mark this long is treated as gone. */
  stallTimeoutMs: number;
  /** How often to look at the buffer while paused (ws has no drain event). */
  pollMs: number;
}

export function slowConsumer(detail: string): RagfleetError {
  return new RagfleetError(
    'SLOW_CONSUMER',
    'The client read the stream too slowly; the gateway closed it instead of buffering without bound.',
    { internal: detail },
  );
}

/**
 * Backpressure for one socket. Asks await `ready()` before pulling the next upstream event,
 * so a slow reader pauses the upstream gRPC stream (grpc-js then stops reading from HTTP/2 and
 * flow control reaches the generator) instead of growing the gateway's memory. The stall clock
 * is per socket, shared by all its asks: it is the reader that is slow, not one answer.
 */
export class SendWindow {
  readonly #socket: BufferedSocket;
  readonly #options: SendWindowOptions;
  #aboveSince: number | undefined;

  constructor(socket: BufferedSocket, options: SendWindowOptions) {
    this.#socket = socket;
    this.#options = options;
  }

  /** Resolves once the buffer is at or below the high-water mark (or the signal aborts); throws SLOW_CONSUMER. */
  async ready(signal: AbortSignal): Promise<void> {
    const { highWaterBytes, hardLimitBytes, stallTimeoutMs, pollMs } = this.#options;
    while (!signal.aborted) {
      const buffered = this.#socket.bufferedAmount;
      if (buffered <= highWaterBytes) {
        this.#aboveSince = undefined;
        return;
      }
      if (buffered > hardLimitBytes)
        throw slowConsumer(`${buffered} bytes queued > hard limit ${hardLimitBytes}`);
      this.#aboveSince ??= Date.now();
      if (Date.now() - this.#aboveSince >= stallTimeoutMs) {
        throw slowConsumer(`above ${highWaterBytes} bytes for ${stallTimeoutMs} ms`);
      }
      await sleep(pollMs, signal);
    }
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
