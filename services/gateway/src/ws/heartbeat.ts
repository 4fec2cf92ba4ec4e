/** What the heartbeat needs from a socket; a `ws` WebSocket satisfies it. */
export interface PingableSocket {
  ping(): void;
  terminate(): void;
  on(event: 'pong' | 'close', listener: () => void): unknown;
}

/**
 * Ping every socket each interval; one that has not answered the previous ping is dead (a
 * vanished peer never sends a FIN) and is terminated, which also cancels its upstream streams.
 */
export class Heartbeat {
  readonly #alive = new Map<PingableSocket, boolean>();
  readonly #timer: ReturnType<typeof setInterval>;

  constructor(intervalMs: number) {
    this.#timer = setInterval(() => this.#beat(), intervalMs);
    this.#timer.unref();
  }

  track(socket: PingableSocket): void {
    this.#alive.set(socket, true);
    socket.on('pong', () => {
      if (this.#alive.has(socket)) this.#alive.set(socket, true);
    });
    socket.on('close', () => this.#alive.delete(socket));
  }

  stop(): void {
    clearInterval(this.#timer);
  }

  #beat(): void {
    for (const [socket, alive] of this.#alive) {
      if (!alive) {
        this.#alive.delete(socket);
        socket.terminate();
        continue;
      }
      this.#alive.set(socket, false);
      try {
        socket.ping();
      } catch {
        // A socket closing right now throws; the close handler forgets it.
      }
    }
  }
}
