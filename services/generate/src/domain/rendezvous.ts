/**
 * Hands values from a producing task to an async-iterating consumer one at a time. It lets the
 * pipeline run as one async function (so a span can cover a whole streamed step) while the
 * caller still pulls events at its own pace.
 */
export class Rendezvous<T> {
  #items: Array<{ value: T; taken: () => void }> = [];
  #wake: (() => void) | undefined;
  #ended = false;
  #closed = false;
  #failure: { error: unknown } | undefined;

  /** Resolves once the consumer has taken the value (or has gone away). */
  push(value: T): Promise<void> {
    if (this.#closed) return Promise.resolve();
    return new Promise((resolve) => {
      this.#items.push({ value, taken: resolve });
      this.#notify();
    });
  }

  /** No more values; the consumer sees `error` after the values already pushed. */
  end(error?: unknown): void {
    this.#ended = true;
    if (error !== undefined) this.#failure = { error };
    this.#notify();
  }

  async *drain(): AsyncGenerator<T> {
    try {
      for (;;) {
        const item = this.#items.shift();
        if (item) {
          item.taken();
          yield item.value;
          continue;
        }
        if (this.#ended) {
          if (this.#failure) throw this.#failure.error;
          return;
        }
        await new Promise<void>((resolve) => (this.#wake = resolve));
      }
    } finally {
      // The consumer stopped: release a producer that is waiting on it.
      this.#closed = true;
      for (const item of this.#items.splice(0)) item.taken();
    }
  }

  #notify(): void {
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
  }
}
