/**
 * The service's notion of now. Measurement is due days after applying: tests move a fake clock
 * instead of waiting, and every time the domain stores comes from here, never from Date.now().
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that moves only when told: for tests, and for an in-process whole-loop run. */
export class FakeClock implements Clock {
  #now: number;

  constructor(start: number | string = '2026-01-01T00:00:00.000Z') {
    this.#now = typeof start === 'number' ? start : Date.parse(start);
  }

  now(): number {
    return this.#now;
  }

  advance(ms: number): void {
    this.#now += ms;
  }

  set(at: number | string): void {
    this.#now = typeof at === 'number' ? at : Date.parse(at);
  }
}

export const isoAt = (clock: Clock): string => new Date(clock.now()).toISOString();
