// k6 run loadtest/k6/ws-ask.ts: GET /v1/ws at the scenario's rate; each iteration opens a socket,
// sends one {"type":"rag"} ask, reads its events to `done` or `error` and closes. The credential
// goes as a header (k6 cannot offer subprotocols; the gateway takes a socket without one).
import { check } from 'k6';
import exec from 'k6/execution';
import { Rate, Trend } from 'k6/metrics';
import { clearTimeout, setTimeout } from 'k6/timers';
import { WebSocket } from 'k6/websockets';
import { questionBody, routePath } from '../request-bodies.ts';
import { authHeaders, BASE_URL, ingestCorpus, inputs, optionsFor, scenarioOf } from './common.ts';

const scenario = scenarioOf('ws_ask');
export const options = optionsFor('ws_ask');
const connect = new Trend('ws_connect', true);
const firstToken = new Trend('ws_first_token', true);
const answerDuration = new Trend('ws_answer_duration', true);
const wsFailed = new Rate('ws_failed');
const ASK_TIMEOUT_MS = 30_000;

export function setup(): void {
  ingestCorpus();
}

export default function (): void {
  const ask = { ...questionBody(scenario, inputs, exec.scenario.iterationInTest), type: 'rag', id: 'ask' };
  const openedAt = Date.now();
  let askedAt = Number.NaN;
  let tokenAfter = Number.NaN;
  let endedAfter = Number.NaN;
  let ended = 'truncated';
  const socket = new WebSocket(`${BASE_URL.replace(/^http/, 'ws')}${routePath(scenario)}`, null, {
    headers: authHeaders(),
  });
  const timeout = setTimeout(() => socket.close(), ASK_TIMEOUT_MS);
  socket.onopen = () => {
    connect.add(Date.now() - openedAt);
    askedAt = Date.now();
    socket.send(JSON.stringify(ask));
  };
  socket.onmessage = (message) => {
    const event = JSON.parse(String(message?.data)) as { id?: string | null; type?: string };
    if (event.id !== 'ask') return;
    if (event.type === 'token' && Number.isNaN(tokenAfter)) tokenAfter = Date.now() - askedAt;
    if (event.type === 'done' || event.type === 'error') {
      ended = event.type;
      endedAfter = Date.now() - askedAt;
      socket.close();
    }
  };
  socket.onclose = () => {
    clearTimeout(timeout);
    const answered = check(ended, {
      'a token before the end': () => !Number.isNaN(tokenAfter),
      'ends with done': (how) => how === 'done',
    });
    wsFailed.add(!answered);
    if (!answered) return;
    firstToken.add(tokenAfter);
    answerDuration.add(endedAfter);
  };
}
