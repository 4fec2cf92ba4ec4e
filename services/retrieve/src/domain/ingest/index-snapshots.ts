export interface SnapshotLogger {
  warn(object: object, message?: string): void;
}

export interface IndexSnapshotsOptions {
  /** Writes the whole index (Corpus.persistIndex): a cost that grows with the index. */
  snapshot: () => Promise<void>;
  /** Snapshot after this many finished jobs since the last snapshot. */
  everyJobs: number;
  /** Snapshot once the oldest write not in a snapshot is this old (checked by jobs and by tick()). */
  intervalMs: number;
  logger: SnapshotLogger;
  /** Milliseconds; injected by tests. */
  now?: () => number;
}

/**
 * Decides when the index is snapshotted. Every write is already durable in the index journal
 * before its job is acknowledged, so a snapshot only bounds how much the next start replays:
 * taking one after every job would make each job cost as much as the whole index (bulk loads
 * slowing down as they grow). Instead: after `everyJobs` jobs, or once the oldest unsnapshotted
 * write is `intervalMs` old (tick() runs on a timer, so an index left idle after a burst is still
 * snapshotted), and on flush() at shutdown. A failed snapshot is logged and tried again next time.
 */
export class IndexSnapshots {
  readonly #o: Required<IndexSnapshotsOptions>;
  #jobs = 0;
  /** When the oldest write not yet in a snapshot happened; undefined when there is none. */
  #dirtySince: number | undefined;
  #running: Promise<void> | undefined;

  constructor(options: IndexSnapshotsOptions) {
    this.#o = { now: () => Date.now(), ...options };
  }

  /** A document was written or deleted (any origin): there is something to snapshot. */
  changed(): void {
    this.#dirtySince ??= this.#o.now();
  }

  /** A job finished: counts towards `everyJobs`; snapshots when a limit is reached. */
  async jobDone(): Promise<void> {
    this.changed();
    this.#jobs += 1;
    if (this.#jobs >= this.#o.everyJobs || this.#old()) await this.#take();
  }

  /** Timer: snapshots when the oldest unsnapshotted write is `intervalMs` old. */
  async tick(): Promise<void> {
    if (this.#old()) await this.#take();
  }

  /** Shutdown: snapshots whatever is not in one yet. */
  async flush(): Promise<void> {
    await this.#running;
    if (this.#dirtySince !== undefined) await this.#take();
  }

  #old(): boolean {
    return this.#dirtySince !== undefined && this.#o.now() - this.#dirtySince >= this.#o.intervalMs;
  }

  /** One snapshot at a time; a caller arriving meanwhile waits for the one under way. */
  #take(): Promise<void> {
    this.#running ??= this.#run().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  async #run(): Promise<void> {
    // Writes during the snapshot may or may not be in it: they count towards the next one.
    const jobs = this.#jobs;
    const dirtySince = this.#dirtySince;
    this.#jobs = 0;
    this.#dirtySince = undefined;
    try {
      await this.#o.snapshot();
    } catch (error) {
      this.#jobs += jobs;
      this.#dirtySince = Math.min(dirtySince ?? Infinity, this.#dirtySince ?? Infinity);
      this.#o.logger.warn(
        { err: error instanceof Error ? error.message : String(error) },
        'index snapshot failed; the journal keeps every write, the next snapshot tries again',
      );
    }
  }
}
