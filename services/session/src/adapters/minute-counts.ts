/** Counts per minute for the last hour, in memory: the embedded store's activity statistics. */
export class MinuteCounts {
  readonly #buckets = new Map<number, number>();

  add(now = Date.now()): void {
    const minute = Math.floor(now / 60_000);
    this.#buckets.set(minute, (this.#buckets.get(minute) ?? 0) + 1);
    // Forget what fell out of the hour, so the map never grows past 61 entries.
    for (const key of this.#buckets.keys()) if (key <= minute - 60) this.#buckets.delete(key);
  }

  /** The count of the 60 minutes ending with the current one. */
  lastHour(now = Date.now()): number {
    const minute = Math.floor(now / 60_000);
    let total = 0;
    for (const [key, count] of this.#buckets) if (key > minute - 60) total += count;
    return total;
  }
}
