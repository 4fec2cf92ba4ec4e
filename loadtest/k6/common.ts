// What every k6 script shares: the scenario file and inputs (open() in the init context), the
// gateway's address and credential, and k6 options built from the scenario's load and thresholds.
//
// Env: RAGFLEET_URL (default http://127.0.0.1:8080), RAGFLEET_API_KEY, SHORT=1 (the CI load),
// LOADTEST_INPUTS (default .data/loadtest/inputs.json, written by `node loadtest/inputs.ts`),
// SKIP_CORPUS=1 (do not ingest the corpus in setup).
import { fail } from 'k6';
import http from 'k6/http';
import type { Options } from 'k6/options';
import { effectiveLoad, type LoadInputs, type ScenarioFile, type ScenarioName } from '../scenario-types.ts';

const file = JSON.parse(open(import.meta.resolve('../scenarios.json'))) as ScenarioFile;
export const inputs = JSON.parse(
  open(__ENV.LOADTEST_INPUTS ?? import.meta.resolve('../../.data/loadtest/inputs.json')),
) as LoadInputs;

export const BASE_URL = (__ENV.RAGFLEET_URL ?? 'http://127.0.0.1:8080').replace(/\/+$/, '');
const SHORT = __ENV.SHORT === '1' || __ENV.SHORT === 'true';
const API_KEY = __ENV.RAGFLEET_API_KEY;

export function scenarioOf(name: ScenarioName) {
  return file.scenarios[name];
}

export function authHeaders(): Record<string, string> {
  return API_KEY ? { authorization: `Bearer ${API_KEY}` } : {};
}

export function jsonHeaders(accept = 'application/json'): Record<string, string> {
  return { 'content-type': 'application/json', accept, ...authHeaders() };
}

/**
 * One constant-arrival-rate scenario at the scenario's load, with its thresholds, less those
 * k6 cannot measure (scenarios.json says why; the local runner enforces them).
 */
export function optionsFor(name: ScenarioName): Options {
  const scenario = file.scenarios[name];
  const load = effectiveLoad(scenario, SHORT);
  const unmeasurable = scenario.k6Cannot ?? {};
  return {
    scenarios: {
      [name]: {
        executor: 'constant-arrival-rate',
        rate: load.rate,
        timeUnit: '1s',
        duration: `${load.duration}s`,
        preAllocatedVUs: Math.min(load.maxInFlight, Math.max(1, load.rate)),
        maxVUs: load.maxInFlight,
        gracefulStop: '10s',
      },
    },
    thresholds: Object.fromEntries(
      Object.entries(scenario.thresholds).filter(([metric]) => !(metric in unmeasurable)),
    ),
  };
}

/** setup(): ingests the corpus and waits for it, so search and answers have something to find. */
export function ingestCorpus(): void {
  if (__ENV.SKIP_CORPUS === '1') return;
  const response = http.post(
    `${BASE_URL}/v1/documents?wait=true&timeout_ms=120000`,
    JSON.stringify({ documents: inputs.corpus }),
    { headers: jsonHeaders(), timeout: '130s' },
  );
  if (response.status !== 200)
    fail(`ingesting the corpus answered ${response.status}: ${String(response.body)}`);
}
