// k6's constant-arrival-rate executor, for iterations autocannon cannot time (streams, sockets):
// iteration i starts at i / rate seconds whether or not earlier ones finished; one that would
// exceed maxInFlight is dropped and counted, as k6 counts dropped_iterations.
import type { MetricSet } from '../metrics.ts';
import type { ScenarioLoad } from '../scenario-types.ts';

export interface OpenLoopOutcome {
  sent: number;
  dropped: number;
  /** From the first iteration's start to the last one's end (or the grace period's). */
  elapsedSeconds: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/**
 * Runs `rate × duration` iterations on schedule. Every iteration gets a signal that aborts
 * `graceMs` after the schedule ends, so the run is bounded in time as well as in count.
 */
export async function runOpenLoop(
  load: ScenarioLoad,
  metrics: MetricSet,
  iteration: (index: number, signal: AbortSignal) => Promise<void>,
  graceMs = 10_000,
): Promise<OpenLoopOutcome> {
  const total = Math.round(load.rate * load.duration);
  const stop = new AbortController();
  const inFlight = new Set<Promise<void>>();
  metrics.counter('dropped_iterations', 0);
  let dropped = 0;
  const started = performance.now();
  for (let index = 0; index < total; index++) {
    await sleep(started + (index * 1000) / load.rate - performance.now());
    if (inFlight.size >= load.maxInFlight) {
      dropped++;
      metrics.counter('dropped_iterations');
      continue;
    }
    const running: Promise<void> = iteration(index, stop.signal)
      .catch(() => {}) // an iteration records its own failure; a throw must not end the run
      .finally(() => inFlight.delete(running));
    inFlight.add(running);
  }
  const grace = setTimeout(() => stop.abort(new Error('the scenario ended')), graceMs);
  // Bounded even if an iteration ignored its signal: it is left behind, not waited for.
  let giveUp: NodeJS.Timeout | undefined;
  await Promise.race([
    Promise.all(inFlight),
    new Promise((resolve) => (giveUp = setTimeout(resolve, graceMs + 5_000))),
  ]);
  clearTimeout(giveUp);
  clearTimeout(grace);
  return { sent: total - dropped, dropped, elapsedSeconds: (performance.now() - started) / 1000 };
}
