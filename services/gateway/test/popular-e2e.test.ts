import { execFile, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { WebSocket } from 'ws';
import type { GenerateV1 } from '@ragfleet/protos';
import { freePort, stopProcess, uniqueSuffix, waitFor } from '@ragfleet/testing';
import { hashApiKey } from '../src/auth/api-keys.ts';
import { FakeUpstreams, NORMAL_ANSWER } from './support/fake-upstreams.ts';
import { startGatewayProcess } from './support/gateway-process.ts';

/**
 * The cache warmer end to end: two real gateway processes sharing the local Redis (a prefix of
 * this run's own) count the questions asked over HTTP and WebSocket into one list; the real CLI
 * (`ragfleet warm --once`) reads it and replays it through one of them. The fake generate keeps a
 * response cache per tenant and question, as generate does, so `cached` is what a pass finds.
 * It needs the counts wired into the gateway's composition (app.ts, compose.ts, config.ts,
 * ws-gateway.ts: the patch in the warmer's report); until then the top route answers 503.
 */
const REPO = join(import.meta.dirname, '../../..');
const CLI = join(REPO, 'packages/cli/src/main.ts');
const PREFIX = `test:popular-e2e:${uniqueSuffix()}:`;
const KEYS = { warmer: 'rf_e2e_warmer_acme', user: 'rf_e2e_user_acme', other: 'rf_e2e_user_other' };

const dir = mkdtempSync(join(tmpdir(), 'ragfleet-popular-'));
const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const answered = new Set<string>();
let upstreams: FakeUpstreams;
const gateways: Array<{ child: ChildProcess; url: string }> = [];

function cachedAnswer(tenant: string, query: string): GenerateV1.AnswerResponse[] {
  const key = `${tenant}\n${query.trim().replace(/\s+/g, ' ').toLowerCase()}`;
  const cached = answered.has(key);
  answered.add(key);
  return NORMAL_ANSWER.map((event) => (event.done ? { done: { ...event.done, cached } } : event));
}

beforeAll(async () => {
  writeFileSync(
    join(dir, 'keys.yaml'),
    [
      'keys:',
      `  - { id: warmer, hash: '${hashApiKey(KEYS.warmer)}', tenant: acme, tier: premium, scopes: [admin, rag] }`,
      `  - { id: user, hash: '${hashApiKey(KEYS.user)}', tenant: acme, tier: premium, scopes: [rag] }`,
      `  - { id: other, hash: '${hashApiKey(KEYS.other)}', tenant: other, tier: free, scopes: [rag] }`,
      '',
    ].join('\n'),
  );
  upstreams = new FakeUpstreams();
  upstreams.answer = async function* (request, context) {
    yield* cachedAnswer(context.tenant, request.query);
  };
  const address = await upstreams.start();
  for (let i = 0; i < 2; i++) {
    const port = await freePort();
    const { child } = await startGatewayProcess({
      port,
      upstream: address,
      env: {
        REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
        GATEWAY_API_KEYS_FILE: join(dir, 'keys.yaml'),
        GATEWAY_POPULAR_PREFIX: `${PREFIX}popular:`,
        GATEWAY_RATE_LIMIT_PREFIX: `${PREFIX}rl:`,
        GATEWAY_KEYS_PREFIX: `${PREFIX}keys:`,
        GATEWAY_WS_TICKET_PREFIX: `${PREFIX}tickets:`,
      },
    });
    gateways.push({ child, url: `http://127.0.0.1:${port}` });
  }
}, 60_000);

afterAll(async () => {
  await Promise.all(gateways.map(({ child }) => stopProcess(child)));
  await upstreams?.stop();
  const keys = await redis.keys(`${PREFIX}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
  rmSync(dir, { recursive: true, force: true });
}, 30_000);

async function ask(gateway: number, query: string, apiKey = KEYS.user): Promise<void> {
  const response = await fetch(`${gateways[gateway]!.url}/v1/rag`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    body: JSON.stringify({ query }),
  });
  expect(response.status).toBe(200);
  await response.json();
}

async function askOverWebSocket(gateway: number, query: string): Promise<void> {
  const socket = new WebSocket(`${gateways[gateway]!.url.replace('http', 'ws')}/v1/ws`, {
    headers: { authorization: `Bearer ${KEYS.user}` },
  });
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  const done = new Promise<Record<string, unknown>>((resolve) =>
    socket.on('message', (data) => {
      const event = JSON.parse(data.toString()) as Record<string, unknown>;
      if (event.type === 'done' || event.type === 'error') resolve(event);
    }),
  );
  socket.send(JSON.stringify({ type: 'rag', id: 'a1', query }));
  expect((await done).type).toBe('done');
  socket.close();
}

async function top(gateway: number): Promise<Array<[string, number]>> {
  const response = await fetch(`${gateways[gateway]!.url}/v1/admin/questions/top?limit=10`, {
    headers: { authorization: `Bearer ${KEYS.warmer}` },
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as {
    tenant: string;
    questions: Array<{ question: string; score: number }>;
  };
  expect(body.tenant).toBe('acme');
  return body.questions.map(({ question, score }) => [question, Math.round(score * 100) / 100]);
}

function warm(): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) =>
    execFile(
      process.execPath,
      [CLI, 'warm', '--once', '--top', '10'],
      {
        cwd: REPO,
        env: { PATH: process.env.PATH ?? '', RAGFLEET_URL: gateways[1]!.url, RAGFLEET_API_KEY: KEYS.warmer },
        timeout: 20_000,
      },
      (error, stdout, stderr) => done({ code: error ? 1 : 0, stdout, stderr }),
    ),
  );
}

describe('the cache warmer across two gateway replicas', () => {
  it("counts every replica's questions into one list per tenant, and warms them through the CLI", async () => {
    await ask(0, 'What is lift?');
    await ask(1, 'what is  LIFT?');
    await ask(0, 'what is lift?');
    await ask(1, 'What is drag?');
    await askOverWebSocket(0, 'what is drag?');
    await ask(1, 'What is thrust?');
    await ask(0, 'Is the other tenant counted here?', KEYS.other);
    const expected: Array<[string, number]> = [
      ['what is lift?', 3],
      ['what is drag?', 2],
      ['what is thrust?', 1],
    ];
    await waitFor(async () => (await top(0)).length === 3, 5_000);
    expect(await top(0)).toEqual(expected);
    expect(await top(1)).toEqual(expected);

    // The response cache is emptied (a generate restart, a new corpus version): warming refills it.
    answered.clear();
    answered.add('acme\nwhat is drag?');
    const run = await warm();
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('warming the 3 most asked questions');
    expect(run.stdout).toContain('pass 1 (warming):   1 of 3 answers came from the response cache (33.3 %)');
    expect(run.stdout).toContain('response-cache hit ratio: 33.3 % before, 100.0 % after');
    expect([...answered].sort()).toEqual([
      'acme\nwhat is drag?',
      'acme\nwhat is lift?',
      'acme\nwhat is thrust?',
    ]);
    // The warmer's six asks were not counted.
    expect(await top(0)).toEqual(expected);
  }, 30_000);
});
