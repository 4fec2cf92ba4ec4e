import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from '@ragfleet/testing';
import { startFleet, type Fleet, type FleetService } from '../../scripts/fleet-runner.ts';

/** The services one answer passes through. */
const ANSWER_SERVICES: FleetService[] = ['gateway', 'generate', 'router', 'retrieve', 'embed'];
/** The services one recommendation stream passes through (rule candidates only: no generate). */
const RECOMMEND_SERVICES: FleetService[] = ['gateway', 'recommend', 'feedback'];
import { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from './otlp-receiver.ts';

/**
 * One /v1/rag is one trace: the whole fleet runs as `pnpm start` runs it, exporting spans over
 * OTLP/HTTP to a receiver in this test, and the spans of a single answer must share one trace id,
 * come from all five services, include the domain steps (rag.*) and hang together as one tree.
 * So must one WebSocket ask, rooted at the gateway's span of that ask (not of the socket).
 */
const KEY = 'rf_tracing_key_0123456789';
/** The exporter's batch delay: short, so that spans arrive within the test's bounded waits. */
const EXPORT_DELAY_MS = 200;
/** The domain spans of one hybrid-mode answer, by the service that records them. */
const RAG_SPANS = {
  generate: ['rag.search', 'rag.generate'],
  retrieve: ['rag.search.keyword', 'rag.embed', 'rag.search', 'rag.rerank'],
};
const dataDir = mkdtempSync(join(tmpdir(), 'ragfleet-tracing-'));
const logs: string[] = [];
let receiver: OtlpReceiver;
let fleet: Fleet;
/** The spans exported while the one /v1/rag ran, and nothing else. */
let answerSpans: ReceivedSpan[];
/** The spans exported while the one WebSocket ask ran, and nothing else. */
let askSpans: ReceivedSpan[];
/** The spans exported while one recommendation stream ran, and nothing else. */
let recommendSpans: ReceivedSpan[];

/** A subject with metrics, then one streamed GET of its recommendations (rules only). */
async function recommendOnce(): Promise<void> {
  const send = (method: string, path: string, body?: unknown) =>
    fetch(`${fleet.gatewayUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(20_000),
    });
  await send('POST', '/v1/subjects', { id: 'trace-node', pack: 'lightning', name: 'trace' });
  const put = await send('PUT', '/v1/subjects/trace-node/metrics', {
    metrics: { channels: 2, uptime: 0.8, forward_success_rate: 0.6 },
    collections: {
      channel: [{ id: 'c1', metrics: { local_ratio: 0.05, forwards_30d: 300, capacity_sat: 2e6 } }],
    },
  });
  if (put.status !== 200) throw new Error(`PUT metrics answered ${put.status}: ${await put.text()}`);
  await quiet(4 * EXPORT_DELAY_MS, 5_000);
  const before = receiver.spans.length;
  const streamed = await send(
    'GET',
    '/v1/subjects/trace-node/recommendations?stream=true&include_model=false',
  );
  const text = await streamed.text();
  if (!text.includes('"complete"')) throw new Error(`the recommendation stream ended: ${text.slice(-300)}`);
  recommendSpans = await spansSince(before, RECOMMEND_SERVICES);
}

async function post(path: string, body: unknown): Promise<string> {
  const response = await fetch(`${fleet.gatewayUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(20_000),
  });
  const text = await response.text();
  if (response.status !== 200)
    throw new Error(`${path} answered ${response.status}: ${text}\n${logs.slice(-20).join('\n')}`);
  return text;
}

/** Resolves once no span has arrived for `quietMs` (each exporter flushed what it had), bounded. */
async function quiet(quietMs: number, timeoutMs: number): Promise<void> {
  let seen = receiver.spans.length;
  let since = Date.now();
  await waitFor(
    () => {
      if (receiver.spans.length !== seen) [seen, since] = [receiver.spans.length, Date.now()];
      return Date.now() - since >= quietMs;
    },
    timeoutMs,
    50,
  );
}

const servicesOf = (spans: ReceivedSpan[]) => new Set(spans.map((span) => span.service));

/** The spans whose parent is not among them: one, the gateway's server span, for a whole tree. */
function roots(spans: ReceivedSpan[]) {
  const ids = new Set(spans.map((span) => span.spanId));
  return spans
    .filter((span) => !span.parentSpanId || !ids.has(span.parentSpanId))
    .map((span) => ({ service: span.service, name: span.name, kind: span.kind }));
}

/** Waits until every service has reported a span after `before`, then until exports go quiet. */
async function spansSince(before: number, services = ANSWER_SERVICES): Promise<ReceivedSpan[]> {
  // Bounded; if a service never reports, the assertions name what is missing.
  await waitFor(() => servicesOf(receiver.spans.slice(before)).size >= services.length, 10_000).catch(
    () => {},
  );
  await quiet(4 * EXPORT_DELAY_MS, 5_000);
  return receiver.spans.slice(before);
}

/** One ask over a socket opened with the key as a subprotocol, as a browser does; ends at `done`. */
function askOverWebSocket(query: string): Promise<void> {
  const socket = new WebSocket(`${fleet.gatewayUrl.replace(/^http/, 'ws')}/v1/ws`, [
    'ragfleet.v1',
    `bearer.${KEY}`,
  ]);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no answer over the WebSocket within 20 s')), 20_000);
    socket.addEventListener('open', () => socket.send(JSON.stringify({ type: 'rag', id: 'ask-1', query })));
    socket.addEventListener('message', (message) => {
      const event = JSON.parse(String(message.data)) as { type: string; id?: string };
      if (event.id !== 'ask-1' || (event.type !== 'done' && event.type !== 'error')) return;
      clearTimeout(timer);
      socket.close();
      if (event.type === 'done') resolve();
      else reject(new Error(`the ask failed: ${String(message.data)}\n${logs.slice(-20).join('\n')}`));
    });
    socket.addEventListener('error', () => reject(new Error('WebSocket error')));
  });
}

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  fleet = await startFleet({
    freePorts: true,
    dataDir,
    readyTimeoutMs: 30_000,
    env: {
      REDIS_URL: '',
      NATS_URL: '',
      EMBED_WORKERS: '1',
      SEARCH_MODE: 'hybrid',
      GATEWAY_API_KEYS_FILE: join(import.meta.dirname, 'fixtures/api-keys.yaml'),
      LOG_LEVEL: 'warn',
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
      OTEL_BSP_SCHEDULE_DELAY: String(EXPORT_DELAY_MS),
      OTEL_TRACES_SAMPLER: 'parentbased_always_on',
      OTEL_LOGS_EXPORTER: 'none',
      OTEL_METRICS_EXPORTER: 'none',
    },
    logSink: (service, line) => {
      logs.push(`${service}: ${line}`);
    },
  });
  await post('/v1/documents?wait=true&timeout_ms=15000', {
    documents: [
      {
        id: 'breakers',
        title: 'Circuit breakers',
        text: 'A circuit breaker skips a failing model provider at once. After a pause it lets one trial call through.',
      },
    ],
  });
  // The ingest's own spans are flushed before the answer starts, so what follows is the answer's.
  await quiet(4 * EXPORT_DELAY_MS, 5_000);
  const before = receiver.spans.length;
  await post('/v1/rag', { query: 'When does a circuit breaker let a call through?', stream: true });
  answerSpans = await spansSince(before);
  const beforeAsk = receiver.spans.length;
  await askOverWebSocket('What does a circuit breaker skip?');
  askSpans = await spansSince(beforeAsk);
  await recommendOnce();
}, 60_000);

afterAll(async () => {
  await fleet?.stop();
  await receiver?.close();
  rmSync(dataDir, { recursive: true, force: true });
}, 30_000);

describe('one /v1/rag request', () => {
  it('is exported over OTLP/HTTP as JSON, with nothing refused', () => {
    expect(receiver.refused).toEqual([]);
    expect(answerSpans.length).toBeGreaterThan(0);
  });

  it('is one trace', () => {
    expect(new Set(answerSpans.map((span) => span.traceId)).size).toBe(1);
  });

  it('spans gateway, generate, router, retrieve and embed', () => {
    expect([...servicesOf(answerSpans)].sort()).toEqual(
      ANSWER_SERVICES.map((service) => `ragfleet-${service}`).sort(),
    );
  });

  it('records every domain step (rag.*) in the service that runs it', () => {
    for (const [service, names] of Object.entries(RAG_SPANS)) {
      const recorded = answerSpans
        .filter((span) => span.service === `ragfleet-${service}` && span.name.startsWith('rag.'))
        .map((span) => span.name);
      expect([...new Set(recorded)].sort()).toEqual([...new Set(names)].sort());
    }
  });

  it("forms one tree rooted at the gateway's server span", () => {
    expect(roots(answerSpans)).toEqual([{ service: 'ragfleet-gateway', name: 'POST /v1/rag', kind: 2 }]);
    // Every hop is a child in the service it reaches: no service's spans float on their own.
    const byId = new Map(answerSpans.map((span) => [span.spanId, span]));
    for (const service of ['generate', 'router', 'retrieve', 'embed']) {
      const entered = answerSpans.filter(
        (span) =>
          span.service === `ragfleet-${service}` &&
          byId.get(span.parentSpanId ?? '')?.service !== `ragfleet-${service}`,
      );
      expect(entered.length).toBeGreaterThan(0);
      for (const span of entered) expect(span.kind).toBe(2);
    }
  });
});

describe('one WebSocket ask', () => {
  it('is one trace through all five services', () => {
    expect(askSpans.length).toBeGreaterThan(0);
    expect(new Set(askSpans.map((span) => span.traceId)).size).toBe(1);
    expect([...servicesOf(askSpans)].sort()).toEqual(
      ANSWER_SERVICES.map((service) => `ragfleet-${service}`).sort(),
    );
  });

  it("is one tree rooted at the gateway's server span of the ask", () => {
    expect(roots(askSpans)).toEqual([{ service: 'ragfleet-gateway', name: 'WS /v1/ws ask', kind: 2 }]);
    // The generate call is the ask span's child: the ask, not the socket, is the request.
    const root = askSpans.find((span) => span.name === 'WS /v1/ws ask')!;
    const generate = askSpans.filter(
      (span) => span.service === 'ragfleet-generate' && span.parentSpanId === root.spanId,
    );
    expect(generate.map((span) => span.kind)).toEqual([2]);
  });
});

describe('one recommendation stream', () => {
  it('is one trace through the gateway, the scorer and feedback, rooted at the gateway', () => {
    expect(recommendSpans.length).toBeGreaterThan(0);
    expect(new Set(recommendSpans.map((span) => span.traceId)).size).toBe(1);
    expect([...servicesOf(recommendSpans)].sort()).toEqual(
      RECOMMEND_SERVICES.map((s) => `ragfleet-${s}`).sort(),
    );
    expect(roots(recommendSpans)).toEqual([expect.objectContaining({ service: 'ragfleet-gateway' })]);
  });
});
