import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Agent, request } from 'node:http';
import { WebSocket } from 'ws';
import { ERROR_CODES, isErrorCode } from '@ragfleet/errors';
import { waitFor } from '@ragfleet/testing';
import { hostileBody, mutated, Random, randomJson } from './support/fuzz-inputs.ts';
import { clientFrame, rawUpgrade } from './support/raw-ws.ts';
import { startWsTestGateway, type WsTestGateway } from './support/ws-gateway.ts';

/*
 * Thousands of malformed, oversized and wrongly typed requests across every route, from a seeded
 * PRNG (FUZZ_SEED reproduces a run). The gateway must never answer 5xx or crash, and every error
 * must be the envelope with a documented code whose HTTP status matches the table.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_123);
const HTTP_CASES = 3_000;
const WS_MESSAGES = 300;
const WS_FRAME_CASES = 60;
const PARALLEL = 16;

const VALID: Record<string, Record<string, unknown>> = {
  '/v1/rag': {
    query: 'what is alpha?',
    k: 3,
    filter: { metadata: { lang: 'en' } },
    tier: 'free',
    stream: false,
  },
  '/v1/search': { query: 'alpha', k: 2, filter: { metadata: { lang: 'en' } } },
  '/v1/documents': { id: 'fuzz-doc', text: 'alpha beta', title: 't', metadata: { lang: 'en' } },
};
const PATHS = [
  '/v1/rag',
  '/v1/search',
  '/v1/documents',
  '/v1/documents/{id}',
  '/v1/jobs/{id}',
  '/v1/openapi.json',
  '/healthz',
  '/readyz',
  '/metrics',
  '/v1/ws',
  '/v1/{junk}',
  '/{junk}',
];
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'PROPFIND', 'FUZZ'];
const CONTENT_TYPES = [
  'application/json',
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=utf-16',
  'application/json; charset=bogus',
  'application/merge-patch+json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/x-ndjson',
  '',
];

interface Case {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer | undefined;
}

function encodeSegment(random: Random): string {
  const raw = random.pick([
    () => random.string(12),
    () => 'x'.repeat(600),
    () => '..%2f..%2fetc%2fpasswd',
    () => '%ff%fe',
    () => '%',
    () => '',
    () => 'slowly-not-slow',
    () => 'fuzz-doc',
  ])();
  // Keep the request line legal; the interesting bytes travel percent-encoded (or as bad escapes).
  return raw.includes('%') ? raw : encodeURIComponent(raw);
}

function randomQuery(random: Random): string {
  if (!random.chance(0.3)) return '';
  const parts = Array.from({ length: 1 + random.int(3) }, () =>
    random.pick([
      'wait=true',
      'wait=maybe',
      'wait=1&wait=0',
      'timeout_ms=1e400',
      'timeout_ms=-5',
      'timeout_ms=5',
      `timeout_ms=${'9'.repeat(40)}`,
      'a[b]=c',
      `${encodeURIComponent(random.string(6))}=${encodeURIComponent(random.string(6))}`,
    ]),
  );
  return `?${parts.join('&')}`;
}

function randomCase(random: Random): Case {
  const template = random.pick(PATHS);
  const path =
    template.replace('{id}', encodeSegment(random)).replace('{junk}', encodeSegment(random)) +
    randomQuery(random);
  const method = random.chance(0.6)
    ? template.startsWith('/v1/') && VALID[template]
      ? 'POST'
      : 'GET'
    : random.pick(METHODS);
  const headers: Record<string, string> = {};
  const contentType = random.pick(CONTENT_TYPES);
  if (contentType) headers['content-type'] = contentType;
  if (random.chance(0.2))
    headers['x-tenant-id'] = random.pick(['acme', 'bad tenant!', 'x'.repeat(65), 'ok_1']);
  if (random.chance(0.2)) headers.accept = random.pick(['application/x-ndjson', '*/*', 'text/html']);
  if (random.chance(0.1))
    headers['x-request-id'] = random.pick(['abc', 'bad id with spaces', 'x'.repeat(300)]);
  let body: Buffer | undefined;
  const valid = VALID[template];
  const roll = random.next();
  if (method === 'GET' || method === 'HEAD') body = undefined;
  else if (valid && roll < 0.45) body = Buffer.from(JSON.stringify(mutated(random, valid)));
  else if (roll < 0.7) body = Buffer.from(JSON.stringify(randomJson(random, 4)));
  else body = hostileBody(random);
  return { method, path, headers, body };
}

interface Answer {
  status: number;
  body: string;
}

function send(base: URL, agent: Agent, fuzz: Case): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: base.hostname,
        port: base.port,
        method: fuzz.method,
        path: fuzz.path,
        agent,
        headers: { ...fuzz.headers, ...(fuzz.body ? { 'content-length': String(fuzz.body.length) } : {}) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(fuzz.body);
  });
}

/** What must hold for every answer; returns a description of the violation, if any. */
function violation(fuzz: Case, answer: Answer): string | undefined {
  if (answer.status >= 500) return `status ${answer.status}`;
  if (answer.status < 400 || fuzz.method === 'HEAD') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(answer.body);
  } catch {
    return `non-JSON error body ${answer.body.slice(0, 80)}`;
  }
  const error = (parsed as { error?: { code?: unknown; request_id?: unknown } }).error;
  if (!isErrorCode(error?.code)) return `undocumented code ${JSON.stringify(error?.code)}`;
  if (ERROR_CODES[error.code].http !== answer.status) return `${error.code} with status ${answer.status}`;
  if (typeof error.request_id !== 'string') return 'no request_id';
  return undefined;
}

let gateway: WsTestGateway;

beforeAll(async () => {
  gateway = await startWsTestGateway({ limits: { maxMessageBytes: 4_096, closeGraceMs: 200 } });
});

afterAll(async () => {
  await gateway.stop();
});

describe(`fuzz (seed ${SEED})`, () => {
  it(`${HTTP_CASES} hostile HTTP requests: no 5xx, every error a documented code`, async () => {
    const random = new Random(SEED);
    const cases = Array.from({ length: HTTP_CASES }, () => randomCase(random));
    const base = new URL(gateway.url);
    const agent = new Agent({ keepAlive: true, maxSockets: PARALLEL });
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let next = 0;
    await Promise.all(
      Array.from({ length: PARALLEL }, async () => {
        while (next < cases.length) {
          const index = next++;
          const fuzz = cases[index] as Case;
          const answer = await send(base, agent, fuzz).catch((error: unknown) => {
            failures.push(
              `#${index} ${fuzz.method} ${fuzz.path.slice(0, 80)} ${JSON.stringify(fuzz.headers)} body=${fuzz.body?.length}: ${String(error)}`,
            );
            return { status: 0, body: '' };
          });
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          const problem = violation(fuzz, answer);
          if (problem) failures.push(`#${index} ${fuzz.method} ${fuzz.path.slice(0, 80)}: ${problem}`);
        }
      }),
    );
    agent.destroy();
    expect(failures.slice(0, 10)).toEqual([]);
    // The run exercised more than one kind of answer (not, say, 3000 identical 404s).
    expect(statuses.size).toBeGreaterThanOrEqual(6);
  }, 60_000);

  it(`${WS_MESSAGES} hostile WebSocket messages: every reply an event, every error a documented code`, async () => {
    const random = new Random(SEED + 1);
    const socket = new WebSocket(gateway.wsUrl);
    const events: Array<Record<string, unknown>> = [];
    socket.on('message', (data) => events.push(JSON.parse(String(data)) as Record<string, unknown>));
    await new Promise((resolve) => socket.once('open', resolve));
    for (let index = 0; index < WS_MESSAGES; index++) {
      const message = random.chance(0.5)
        ? mutated(random, { type: random.pick(['rag', 'cancel', 'chat']), id: `m${index}`, query: 'alpha?' })
        : randomJson(random, 4);
      socket.send(random.chance(0.05) ? random.bytes(20) : JSON.stringify(message ?? null));
    }
    // Asks the garbage started may still run; the socket's concurrency limit would refuse one more.
    await waitFor(() => events.length > 0 && gateway.websockets.activeAsks === 0, 10_000);
    socket.send(JSON.stringify({ type: 'rag', id: 'last', query: 'alpha?' }));
    const deadline = Date.now() + 10_000;
    while (!events.some((event) => event.id === 'last' && event.type === 'done') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(socket.readyState).toBe(WebSocket.OPEN);
    const errors = events.filter((event) => event.type === 'error');
    expect(errors.length).toBeGreaterThan(WS_MESSAGES / 4);
    for (const event of errors) {
      expect(isErrorCode((event.error as { code?: unknown }).code)).toBe(true);
    }
    expect(events.filter((event) => event.id === 'last').at(-1)).toMatchObject({ type: 'done' });
    socket.terminate();
  });

  it(`${WS_FRAME_CASES} garbage WebSocket frames: the socket closes or answers, the gateway lives on`, async () => {
    const random = new Random(SEED + 2);
    const port = Number(new URL(gateway.url).port);
    const frames: Array<() => Buffer> = [
      () => random.bytes(1 + random.int(64)),
      () => clientFrame(random.bytes(32), 0x1), // invalid UTF-8 text
      () => clientFrame(random.bytes(200), 0x9), // oversized ping
      () => clientFrame(Buffer.from('{"type":"rag"'), 0x1, false), // fragment, never finished
      () => clientFrame(random.bytes(16), random.pick([0x3, 0x4, 0x5, 0xb, 0xc])), // reserved opcodes
      () => clientFrame(Buffer.alloc(9_000, 0x61), 0x1), // over the message limit
      () =>
        Buffer.from(
          clientFrame(Buffer.from('{}'), 0x1).map((byte, index) => (index === 1 ? byte & 0x7f : byte)),
        ), // unmasked
    ];
    for (let batch = 0; batch < WS_FRAME_CASES; batch += 10) {
      await Promise.all(
        Array.from({ length: 10 }, async () => {
          const { socket, status } = await rawUpgrade(port);
          expect(status).toBe(101);
          socket.on('error', () => {});
          socket.write(random.pick(frames)());
          await new Promise((resolve) => {
            socket.once('close', resolve);
            setTimeout(resolve, 300);
          });
          socket.destroy();
        }),
      );
    }
    expect((await fetch(`${gateway.url}/healthz`)).status).toBe(200);
  });
});
