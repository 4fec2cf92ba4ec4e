// k6 run loadtest/k6/ingest.ts: POST /v1/documents at the scenario's rate, a batch of Cranfield
// documents under fresh ids each time; accepted means 202 (or 200: the job already finished).
import { check } from 'k6';
import exec from 'k6/execution';
import http from 'k6/http';
import { Rate, Trend } from 'k6/metrics';
import { ingestBody, routePath } from '../request-bodies.ts';
import { BASE_URL, ingestCorpus, inputs, jsonHeaders, optionsFor, scenarioOf } from './common.ts';

const scenario = scenarioOf('ingest');
export const options = optionsFor('ingest');
const acceptDuration = new Trend('ingest_accept_duration', true);
const accepted = new Rate('ingest_accepted');

/** One id prefix for the whole test, handed to every VU: no two runs ingest the same ids. */
export function setup(): { runId: string } {
  ingestCorpus();
  return { runId: Date.now().toString(36) };
}

export default function (data: { runId: string }): void {
  const body = ingestBody(scenario, inputs, exec.scenario.iterationInTest, data.runId);
  const response = http.post(`${BASE_URL}${routePath(scenario)}`, JSON.stringify(body), {
    headers: jsonHeaders(),
  });
  acceptDuration.add(response.timings.duration);
  accepted.add(
    check(response, { 'accepted (202, or 200 when done)': (r) => r.status === 202 || r.status === 200 }),
  );
}
