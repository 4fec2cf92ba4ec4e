// Queries/second that survive a shared machine: the work is timed in batches and the median batch
// rate is reported, so a burst of someone else's tests during a few batches does not move it.

const BATCHES = 20;

/** Runs `run(i)` for i in [0, count) and returns the median per-batch rate in runs/second. */
export function medianRate(count: number, run: (i: number) => void): number {
  const size = Math.max(1, Math.ceil(count / BATCHES));
  const rates: number[] = [];
  for (let start = 0; start < count; start += size) {
    const end = Math.min(count, start + size);
    const begun = performance.now();
    for (let i = start; i < end; i++) run(i);
    rates.push((end - start) / ((performance.now() - begun) / 1000));
  }
  rates.sort((a, b) => a - b);
  const middle = rates.length >> 1;
  return rates.length % 2 === 1 ? rates[middle]! : (rates[middle - 1]! + rates[middle]!) / 2;
}
