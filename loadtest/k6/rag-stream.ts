// k6 run loadtest/k6/rag-stream.ts: POST /v1/rag as NDJSON at the scenario's rate. k6 reads the
// body only once it is complete, so it times the first byte (the status line) and the whole
// stream, and checks that a token came before `done`; the first token's time is the local
// runner's (scenarios.json, k6Cannot) and, over WebSocket, ws-ask.ts's.
import { check } from 'k6';
import exec from 'k6/execution';
import http from 'k6/http';
import { Rate, Trend } from 'k6/metrics';
import { questionBody, routePath } from '../request-bodies.ts';
import { BASE_URL, ingestCorpus, inputs, jsonHeaders, optionsFor, scenarioOf } from './common.ts';

const scenario = scenarioOf('rag_stream');
export const options = optionsFor('rag_stream');
const firstByte = new Trend('rag_first_byte', true);
const streamDuration = new Trend('rag_duration', true);
const ragFailed = new Rate('rag_failed');

export function setup(): void {
  ingestCorpus();
}

function eventTypes(body: string): string[] {
  return body
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => String((JSON.parse(line) as { type?: string }).type));
}

export default function (): void {
  const body = questionBody(scenario, inputs, exec.scenario.iterationInTest);
  const response = http.post(`${BASE_URL}${routePath(scenario)}`, JSON.stringify(body), {
    headers: jsonHeaders('application/x-ndjson'),
    timeout: '30s',
  });
  const types = response.status === 200 ? eventTypes(String(response.body)) : [];
  const tokenAt = types.indexOf('token');
  const answered = check(response, {
    'status is 200': (r) => r.status === 200,
    'first byte arrived': (r) => r.timings.waiting > 0,
    'a token before the end': () => tokenAt >= 0 && tokenAt < types.length - 1,
    'ends with done': () => types[types.length - 1] === 'done',
  });
  ragFailed.add(!answered);
  if (!answered) return;
  firstByte.add(response.timings.waiting);
  streamDuration.add(response.timings.duration);
}
