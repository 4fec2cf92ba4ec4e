import { RagfleetError } from '@ragfleet/errors';
import type { StreamSpec } from './event-bus.ts';
import { DEFAULT_DUPLICATE_WINDOW_MS } from './delivery-policy.ts';
import type { MemoryConsumer, MessageSource, StoredMessage } from './in-memory-consumer.ts';
import { subjectCovers, subjectsOverlap } from './subjects.ts';
import type { Timers } from './timers.ts';

/**
 * The in-process twin of a JetStream stream: it keeps messages (a workqueue until acked, a limits
 * stream up to a size cap) so that a durable subscribing later still receives them, and drops a
 * repeated envelope id within the duplicate window.
 */
export class MemoryStream implements MessageSource {
  readonly spec: StreamSpec;
  readonly consumers = new Map<string, MemoryConsumer>();
  readonly #messages = new Map<number, StoredMessage>();
  /** envelope id -> time first stored; insertion order is time order, so pruning stops early. */
  readonly #seen = new Map<string, number>();
  readonly #timers: Timers;
  readonly #maxMessages: number;
  #nextSeq = 1;

  constructor(spec: StreamSpec, timers: Timers, maxMessages: number) {
    this.spec = spec;
    this.#timers = timers;
    this.#maxMessages = maxMessages;
  }

  get name(): string {
    return this.spec.name;
  }

  get size(): number {
    return this.#messages.size;
  }

  get(seq: number): StoredMessage | undefined {
    return this.#messages.get(seq);
  }

  settled(seq: number): void {
    // A workqueue message belongs to exactly one consumer, so its settlement removes it.
    if (this.spec.retention === 'workqueue') this.#messages.delete(seq);
  }

  /** Stores the message unless its id was seen within the window; returns whether it was new. */
  append(id: string, message: Omit<StoredMessage, 'seq'>): boolean {
    this.#forgetExpiredIds();
    if (this.#seen.has(id)) return false;
    this.#seen.set(id, this.#timers.now());
    const stored = { ...message, seq: this.#nextSeq++ };
    this.#messages.set(stored.seq, stored);
    this.#enforceSizeCap();
    for (const consumer of this.consumers.values()) {
      if (subjectCovers(consumer.filter, stored.subject)) consumer.offer(stored.seq);
    }
    return true;
  }

  /** Messages a new durable with this filter starts with (deliver policy "all"). */
  backlog(filter: string): number[] {
    return [...this.#messages.values()].filter((m) => subjectCovers(filter, m.subject)).map((m) => m.seq);
  }

  assertNoOverlap(durable: string, filter: string): void {
    if (this.spec.retention !== 'workqueue') return;
    for (const other of this.consumers.values()) {
      if (other.durable !== durable && subjectsOverlap(other.filter, filter)) {
        throw new RagfleetError(
          'INVALID_ARGUMENT',
          `Work-queue stream ${this.name} already has durable "${other.durable}" on an overlapping subject.`,
          { details: { stream: this.name, durable, filter, existing: other.filter } },
        );
      }
    }
  }

  #forgetExpiredIds(): void {
    const windowMs = this.spec.duplicateWindowMs ?? DEFAULT_DUPLICATE_WINDOW_MS;
    const oldest = this.#timers.now() - windowMs;
    for (const [id, storedAt] of this.#seen) {
      if (storedAt > oldest) break;
      this.#seen.delete(id);
    }
  }

  #enforceSizeCap(): void {
    // The embedded bus lives in one process's memory; a limits stream must not grow forever.
    while (this.#messages.size > this.#maxMessages) {
      const oldest = this.#messages.keys().next();
      if (oldest.done) return;
      this.#messages.delete(oldest.value);
    }
  }
}
