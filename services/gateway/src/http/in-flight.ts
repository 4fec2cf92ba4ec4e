import type { RequestHandler } from 'express';

/** Counts requests still being answered, so shutdown can let them (and their streams) finish. */
export class InFlight {
  #active = 0;
  #waiters: Array<() => void> = [];

  get active(): number {
    return this.#active;
  }

  readonly track: RequestHandler = (_request, response, next) => {
    this.#active++;
    response.once('close', () => {
      this.#active--;
      if (this.#active === 0) for (const wake of this.#waiters.splice(0)) wake();
    });
    next();
  };

  /** Resolves when nothing is in flight; the caller bounds the wait. */
  idle(): Promise<void> {
    if (this.#active === 0) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push(resolve));
  }
}
