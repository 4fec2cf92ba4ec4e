import { connectivityState, status, type ServiceError } from '@grpc/grpc-js';

interface WatchedChannel {
  getConnectivityState(tryToConnect: boolean): connectivityState;
}

interface WatchedCall {
  cancel(): void;
  once(event: 'metadata', listener: () => void): unknown;
}

/**
 * A call marked wait-for-ready queues while its channel has no connection, up to its deadline
 * (120 s for a stream). This gives up sooner: if after `limitMs` the call has had no answer
 * headers and the channel is still not connected, it is cancelled.
 */
export class ConnectWatchdog {
  readonly #channel: WatchedChannel;
  #timer: NodeJS.Timeout | undefined;
  #answered = false;
  #gaveUp = false;

  constructor(channel: WatchedChannel, limitMs: number, call: WatchedCall) {
    this.#channel = channel;
    call.once('metadata', () => {
      this.#answered = true;
      this.stop();
    });
    if (limitMs <= 0) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      if (this.#connected()) return;
      this.#gaveUp = true;
      call.cancel();
    }, limitMs);
  }

  /**
   * Whether the call failed for want of a connection: this watchdog cancelled it, or its deadline
   * passed while it was still waiting for one (unavailable, rather than slow).
   */
  explains(error: unknown): boolean {
    if (this.#gaveUp) return true;
    return (error as Partial<ServiceError>).code === status.DEADLINE_EXCEEDED && !this.#connected();
  }

  #connected(): boolean {
    return this.#answered || this.#channel.getConnectivityState(false) === connectivityState.READY;
  }

  stop(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
