import type { RetrieveV1 } from '@ragfleet/protos';
import { isJobFinished } from './public-json.ts';
import type { RetrieveUpstream } from './upstreams.ts';

export interface WaitOptions {
  timeoutMs: number;
  signal: AbortSignal;
  /** First poll delay; doubles up to maxIntervalMs so long jobs cost few calls. */
  intervalMs?: number;
  maxIntervalMs?: number;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

/** Polls a job until it finishes, the timeout passes or the caller goes away; returns the last state seen. */
export async function waitForJob(
  retrieve: RetrieveUpstream,
  initial: RetrieveV1.Job__Output,
  options: WaitOptions,
): Promise<RetrieveV1.Job__Output> {
  const deadline = Date.now() + options.timeoutMs;
  let interval = options.intervalMs ?? 100;
  let job = initial;
  while (!isJobFinished(job) && !options.signal.aborted) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) break;
    await sleep(Math.min(interval, remaining), options.signal);
    if (options.signal.aborted) break;
    const response = await retrieve.getJob(job.id, { signal: options.signal });
    if (response.job) job = response.job;
    interval = Math.min(interval * 2, options.maxIntervalMs ?? 1_000);
  }
  return job;
}
