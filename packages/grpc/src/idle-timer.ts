/**
 * Fires `onIdle` once when it has run for `limitMs` without being stopped: a stream's guard
 * against an upstream that stays connected but sends nothing. A limit of 0 never fires.
 */
export class IdleTimer {
  readonly #limitMs: number;
  readonly #onIdle: () => void;
  #timer: NodeJS.Timeout | undefined;
  #expired = false;

  constructor(limitMs: number, onIdle: () => void) {
    this.#limitMs = limitMs;
    this.#onIdle = onIdle;
  }

  /** True once the limit has passed: what ended the stream was the silence. */
  get expired(): boolean {
    return this.#expired;
  }

  start(): void {
    this.stop();
    if (this.#limitMs <= 0 || this.#expired) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#expired = true;
      this.#onIdle();
    }, this.#limitMs);
  }

  stop(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
