// Plain request/response scenarios through autocannon at a constant arrival rate. autocannon
// paces a connection by the second (its quota sent at the start of each one), so `rate`
// connections all started together would arrive as one burst a second; instead each connection
// is its own autocannon instance at 1 request a second, started 1/rate s after the previous one,
// which spreads the arrivals evenly as k6's constant-arrival-rate does. A connection still waiting
// for its answer skips its turn: counted as a dropped iteration.
import autocannon from 'autocannon';
import { RagfleetError } from '../../packages/errors/src/index.ts';
import type { MetricSet } from '../metrics.ts';
import type { ScenarioLoad } from '../scenario-types.ts';

export interface AutocannonScenario {
  url: string;
  method: 'POST' | 'GET';
  headers: Record<string, string>;
  /** The body of request number `index` (across every connection). */
  body(index: number): string;
  /** Records one answer: its status and ms from sending to the whole response. */
  onResponse(status: number, ms: number): void;
  /** Records a request that got no answer (connection error, timeout). */
  onError(error: Error): void;
  timeoutSeconds?: number;
}

export interface AutocannonOutcome {
  sent: number;
  dropped: number;
  elapsedSeconds: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

export async function runAutocannonAtRate(
  load: ScenarioLoad,
  metrics: MetricSet,
  scenario: AutocannonScenario,
): Promise<AutocannonOutcome> {
  // One connection per request a second, each holding one request at a time: rate connections.
  if (load.rate > load.maxInFlight) {
    throw new RagfleetError(
      'INVALID_ARGUMENT',
      `A rate of ${load.rate}/s needs ${load.rate} connections, more than maxInFlight (${load.maxInFlight}).`,
    );
  }
  const connections = load.rate;
  // A connection sends on connect and then on every second's tick: stopping half a second before
  // the duration's last tick sends exactly `duration` requests, rate × duration in all.
  const stopAfterSeconds = Math.max(0.5, load.duration - 0.5);
  let next = 0;
  let observed = 0;
  metrics.counter('dropped_iterations', 0);
  const started = performance.now();
  const runs = Array.from({ length: connections }, async (_, connection) => {
    await sleep((connection * 1000) / load.rate);
    await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url: scenario.url,
          connections: 1,
          connectionRate: 1,
          duration: stopAfterSeconds,
          timeout: scenario.timeoutSeconds ?? 10,
          requests: [
            {
              method: scenario.method,
              headers: scenario.headers,
              setupRequest: (request) => ({ ...request, body: scenario.body(next++) }),
            },
          ],
        },
        (error, done) => (error ? reject(error as Error) : resolve(done)),
      );
      instance.on('response', (_client, status, _bytes, ms) => {
        observed++;
        scenario.onResponse(status, ms);
      });
      instance.on('reqError', (error: Error) => {
        observed++;
        scenario.onError(error);
      });
    });
  });
  await Promise.all(runs);
  // What was answered or failed: autocannon also counts as sent a request it wrote as it stopped
  // and never reported, which no metric holds.
  const sent = observed;
  const expected = Math.round(load.rate * load.duration);
  const dropped = Math.max(0, expected - sent);
  metrics.counter('dropped_iterations', dropped);
  return { sent, dropped, elapsedSeconds: (performance.now() - started) / 1000 };
}
