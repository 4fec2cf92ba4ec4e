// k6 run loadtest/k6/search.ts: POST /v1/search (hybrid) at the scenario's rate.
import { check } from 'k6';
import exec from 'k6/execution';
import http from 'k6/http';
import { Rate, Trend } from 'k6/metrics';
import { questionBody, routePath } from '../request-bodies.ts';
import { BASE_URL, ingestCorpus, inputs, jsonHeaders, optionsFor, scenarioOf } from './common.ts';

const scenario = scenarioOf('search');
export const options = optionsFor('search');
const searchDuration = new Trend('search_duration', true);
const searchFailed = new Rate('search_failed');

export function setup(): void {
  ingestCorpus();
}

export default function (): void {
  const body = questionBody(scenario, inputs, exec.scenario.iterationInTest);
  const response = http.post(`${BASE_URL}${routePath(scenario)}`, JSON.stringify(body), {
    headers: jsonHeaders(),
  });
  searchDuration.add(response.timings.duration);
  searchFailed.add(response.status !== 200);
  check(response, {
    'status is 200': (r) => r.status === 200,
    'answers with hits': (r) => r.status === 200 && Array.isArray(r.json('hits')),
  });
}
