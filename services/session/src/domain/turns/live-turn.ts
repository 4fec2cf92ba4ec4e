import { isTerminalEvent, type SequencedTurnEvent } from '../records.ts';

/**
 * A turn running in this process, as its followers here see it: every event it produced so far,
 * and a wake-up for each new one. Followers on this replica read from here rather than from the
 * store (no round trip, no blocking connection per follower); the store's buffer serves replicas
 * elsewhere and resumes after this turn has ended.
 */
export class LiveTurn {
  readonly sessionId: string;
  readonly #events: SequencedTurnEvent[] = [];
  #waiters = new Set<() => void>();

  constructor(sessionId: string) {
    this.sessionId = sessionId;
  }

  get lastSeq(): number {
    return this.#events.at(-1)?.seq ?? 0;
  }

  get ended(): boolean {
    const last = this.#events.at(-1);
    return last !== undefined && isTerminalEvent(last.event);
  }

  push(event: SequencedTurnEvent): void {
    this.#events.push(event);
    const waiters = this.#waiters;
    this.#waiters = new Set();
    for (const wake of waiters) wake();
  }

  /** Every event after `afterSeq` once, in order, to the terminal one; stops early on abort. */
  async *follow(afterSeq: number, signal?: AbortSignal): AsyncGenerator<SequencedTurnEvent> {
    let next = this.#events.findIndex((event) => event.seq > afterSeq);
    if (next < 0) next = this.#events.length;
    // Everything up to the end was seen already: nothing is left to wait for.
    if (next === this.#events.length && this.ended) return;
    for (;;) {
      while (next < this.#events.length) {
        const event = this.#events[next++] as SequencedTurnEvent;
        yield event;
        if (isTerminalEvent(event.event)) return;
      }
      if (signal?.aborted) return;
      await new Promise<void>((resolve) => {
        const wake = () => {
          signal?.removeEventListener('abort', wake);
          this.#waiters.delete(wake);
          resolve();
        };
        this.#waiters.add(wake);
        signal?.addEventListener('abort', wake, { once: true });
      });
    }
  }
}
