// Two (or more) implementations of the same request driven at one fixed rate in one run, in short
// alternating blocks: drift in machine load (2 shared cores, other agents) then hits every side
// alike, and each block is long enough that its CPU time can be charged to the side that ran it.
import { percentile } from './report.ts';

export interface LoadSide {
  name: string;
  /** Sends request number `index`; resolves with ms to the first byte or event, throws on failure. */
  request(index: number): Promise<number>;
  /** CPU seconds so far of each process this side is charged for; the total is their sum. */
  cpuSeconds(): Record<string, number>;
}

export interface LoadPlan {
  /** Requests per second, open loop: a request is sent on schedule whether or not others finished. */
  rate: number;
  /** Blocks per side. */
  blocks: number;
  /** Requests per block. */
  blockRequests: number;
  /** Quiet time between blocks, so one side's stragglers do not land in the next side's block. */
  pauseMs?: number;
}

export interface SideFigures {
  requests: number;
  errors: number;
  firstError?: string;
  p50Ms: number;
  p99Ms: number;
  firstByteP50Ms: number;
  /** CPU seconds per 1,000 requests, all charged processes together, then per process. */
  cpuSecondsPer1000: number;
  cpuSecondsPer1000ByProcess: Record<string, number>;
  /** Each block's start and end on the monotonic clock in microseconds (what V8 CPU profiles use). */
  windowsMicros: Array<[number, number]>;
}

const monotonicMicros = () => Number(process.hrtime.bigint() / 1000n);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

interface Tally {
  latencies: number[];
  firstBytes: number[];
  errors: number;
  firstError?: string;
  cpu: Record<string, number>;
  windows: Array<[number, number]>;
  sent: number;
}

async function runBlock(side: LoadSide, plan: LoadPlan, tally: Tally): Promise<void> {
  const before = side.cpuSeconds();
  const begun = monotonicMicros();
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < plan.blockRequests; i++) {
    await sleep(started + (i * 1000) / plan.rate - performance.now());
    const index = tally.sent++;
    const sentAt = performance.now();
    inFlight.push(
      side.request(index).then(
        (firstByteMs) => {
          tally.latencies.push(performance.now() - sentAt);
          tally.firstBytes.push(firstByteMs);
        },
        (error: unknown) => {
          tally.errors++;
          tally.firstError ??= error instanceof Error ? error.message : String(error);
        },
      ),
    );
  }
  await Promise.all(inFlight);
  const after = side.cpuSeconds();
  tally.windows.push([begun, monotonicMicros()]);
  for (const [process, seconds] of Object.entries(after))
    tally.cpu[process] = (tally.cpu[process] ?? 0) + seconds - (before[process] ?? seconds);
}

/**
 * Runs `plan.blocks` blocks of every side, alternating the order each round (A B, B A, ...) so
 * neither side always follows the other, and reports each side's latencies and CPU cost.
 */
export async function interleave(sides: LoadSide[], plan: LoadPlan): Promise<Record<string, SideFigures>> {
  const tallies = new Map<LoadSide, Tally>(
    sides.map((side) => [side, { latencies: [], firstBytes: [], errors: 0, cpu: {}, windows: [], sent: 0 }]),
  );
  for (let round = 0; round < plan.blocks; round++) {
    const order = round % 2 === 0 ? sides : [...sides].reverse();
    for (const side of order) {
      await runBlock(side, plan, tallies.get(side)!);
      await sleep(plan.pauseMs ?? 250);
    }
  }
  const figures: Record<string, SideFigures> = {};
  for (const [side, tally] of tallies) {
    const latencies = [...tally.latencies].sort((a, b) => a - b);
    const firstBytes = [...tally.firstBytes].sort((a, b) => a - b);
    const answered = latencies.length;
    const per1000 = (seconds: number) => (answered ? (seconds / answered) * 1000 : Number.NaN);
    figures[side.name] = {
      requests: answered,
      errors: tally.errors,
      ...(tally.firstError !== undefined && { firstError: tally.firstError }),
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      firstByteP50Ms: percentile(firstBytes, 50),
      cpuSecondsPer1000: per1000(Object.values(tally.cpu).reduce((sum, seconds) => sum + seconds, 0)),
      cpuSecondsPer1000ByProcess: Object.fromEntries(
        Object.entries(tally.cpu).map(([process, seconds]) => [process, per1000(seconds)]),
      ),
      windowsMicros: tally.windows,
    };
  }
  return figures;
}
