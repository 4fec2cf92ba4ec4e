// Time from question to first `token` event: WebSocket vs NDJSON, same questions, same fleet
// (started here with startFleet, extractive provider, Cranfield documents when available).
// WebSocket is measured twice: on one socket kept open (how a client uses it) and with a fresh
// socket per question (handshake included), each against NDJSON over a kept-alive connection.
// Questions rotate through the three modes so drift (cache warm-up, GC) hits them alike.
// Run: node scripts/bench/ws-vs-ndjson.ts  (env: BENCH_QUESTIONS per mode, default 60)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFleet } from '../fleet-runner.ts';
import { cranfieldAvailable, readCranfieldDocuments } from './cranfield.ts';
import { percentile, writeReport } from './report.ts';

const questionsPerMode = Number(process.env.BENCH_QUESTIONS ?? 60);
const QUESTIONS = [
  'what similarity laws must be obeyed when constructing aeroelastic models of heated high speed aircraft?',
  'what are the structural and aeroelastic problems associated with flight of high speed aircraft?',
  'how can the aerodynamic performance of channel flow ground effect machines be calculated?',
  'what is the basic mechanism of the transonic aileron buzz?',
  'what theoretical and experimental guides do we have as to turbulent couette flow behaviour?',
  'how does the boundary layer behave in a shock wave interaction?',
];

function synthetic(count: number) {
  return Array.from({ length: count }, (_, index) => ({
    id: `bench-${index}`,
    title: `Note ${index}`,
    text: `${QUESTIONS[index % QUESTIONS.length]} The answer discusses boundary layers, shock waves, heat transfer and flutter in note ${index}.`,
  }));
}

type Ask = (query: string) => Promise<number>;

/** NDJSON: ms from sending the request to reading the first token line. */
const ndjsonAsk =
  (gatewayUrl: string): Ask =>
  async (query) => {
    const started = performance.now();
    const response = await fetch(`${gatewayUrl}/v1/rag`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/x-ndjson' },
      body: JSON.stringify({ query }),
    });
    if (!response.body) throw new Error(`no body (${response.status})`);
    const decoder = new TextDecoder();
    let buffered = '';
    let firstToken = Number.NaN;
    for await (const chunk of response.body) {
      buffered += decoder.decode(chunk, { stream: true });
      if (Number.isNaN(firstToken) && buffered.includes('"type":"token"'))
        firstToken = performance.now() - started;
    }
    if (Number.isNaN(firstToken)) throw new Error(`no token event: ${buffered.slice(0, 200)}`);
    return firstToken;
  };

function openSocket(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.addEventListener('open', () => resolve(socket), { once: true });
    socket.addEventListener('error', () => reject(new Error('websocket failed to open')), { once: true });
  });
}

/** WebSocket: ms from sending the ask to receiving its first token event (waits for `done`). */
function askOnSocket(
  socket: WebSocket,
  query: string,
  id: string,
  started = performance.now(),
): Promise<number> {
  return new Promise((resolve, reject) => {
    let firstToken = Number.NaN;
    const onMessage = (message: MessageEvent) => {
      const event = JSON.parse(String(message.data)) as { id?: string; type?: string; error?: unknown };
      if (event.id !== id) return;
      if (event.type === 'token' && Number.isNaN(firstToken)) firstToken = performance.now() - started;
      if (event.type === 'done' || event.type === 'error') {
        socket.removeEventListener('message', onMessage);
        if (Number.isNaN(firstToken)) reject(new Error(`no token event: ${JSON.stringify(event)}`));
        else resolve(firstToken);
      }
    };
    socket.addEventListener('message', onMessage);
    socket.send(JSON.stringify({ type: 'rag', id, query }));
  });
}

function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((total, value) => total + value, 0) / sorted.length;
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    n: sorted.length,
    p50_ms: round(percentile(sorted, 50)),
    p90_ms: round(percentile(sorted, 90)),
    p99_ms: round(percentile(sorted, 99)),
    mean_ms: round(mean),
  };
}

const dataDir = mkdtempSync(join(tmpdir(), 'ragfleet-bench-ws-'));
const fleet = await startFleet({ freePorts: true, unthrottled: true, dataDir, env: { LOG_LEVEL: 'warn' } });
try {
  const documents = cranfieldAvailable() ? readCranfieldDocuments().slice(0, 200) : synthetic(200);
  const ingest = await fetch(`${fleet.gatewayUrl}/v1/documents?wait=true&timeout_ms=300000`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ documents }),
  });
  if (ingest.status !== 200) throw new Error(`ingest answered ${ingest.status}: ${await ingest.text()}`);

  const wsUrl = `${fleet.gatewayUrl.replace(/^http/, 'ws')}/v1/ws`;
  const ndjson = ndjsonAsk(fleet.gatewayUrl);
  const kept = await openSocket(wsUrl);
  let sequence = 0;
  const keptSocket: Ask = (query) => askOnSocket(kept, query, `k${sequence++}`);
  const freshSocket: Ask = async (query) => {
    const started = performance.now();
    const socket = await openSocket(wsUrl);
    try {
      return await askOnSocket(socket, query, `f${sequence++}`, started);
    } finally {
      socket.close();
    }
  };

  // Warm-up: every question once per mode (embedding cache, JIT, connections).
  for (const query of QUESTIONS) for (const ask of [ndjson, keptSocket, freshSocket]) await ask(query);

  const samples = { ndjson: [] as number[], ws_kept_socket: [] as number[], ws_new_socket: [] as number[] };
  for (let index = 0; index < questionsPerMode; index++) {
    const query = QUESTIONS[index % QUESTIONS.length] as string;
    samples.ndjson.push(await ndjson(query));
    samples.ws_kept_socket.push(await keptSocket(query));
    samples.ws_new_socket.push(await freshSocket(query));
  }
  kept.close();

  const rows = Object.fromEntries(Object.entries(samples).map(([mode, values]) => [mode, summary(values)]));
  console.log(`time from question to first token event (${documents.length} documents, extractive provider)`);
  console.table(rows);
  console.log(`report: ${writeReport('ws-vs-ndjson', { documents: documents.length, ...rows })}`);
} finally {
  await fleet.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
