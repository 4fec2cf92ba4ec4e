import { execFile, spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';

/*
 * `ragfleet warm` as a CronJob runs it: a real CLI process against a small HTTP server standing in
 * for the gateway, whose /v1/rag keeps a response cache of its own (an answer is `cached` once its
 * question was asked before) and fails one question.
 */

const REPO = resolve(import.meta.dirname, '../../..');
const MAIN = join(REPO, 'packages/cli/src/main.ts');
const KEY = 'rf_warm_admin_key';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: { query?: string; stream?: boolean } | undefined;
}

let server: Server;
let url: string;
let seen: Seen[] = [];
let cache = new Set<string>();
let top = [
  { question: 'what is lift?', score: 12.5 },
  { question: 'what is drag?', score: 3.25 },
  { question: 'what is thrust?', score: 1 },
];

function answer(request: IncomingMessage, body: Seen['body']): { status: number; json: unknown } {
  if (request.headers.authorization !== `Bearer ${KEY}`) {
    return {
      status: 401,
      json: { error: { code: 'UNAUTHENTICATED', message: 'The API key is not valid.' } },
    };
  }
  if (request.method === 'GET' && request.url?.startsWith('/v1/admin/questions/top?')) {
    const limit = Number(new URL(request.url, 'http://x').searchParams.get('limit'));
    return {
      status: 200,
      json: { tenant: 'tenant-a', half_life_seconds: 86_400, questions: top.slice(0, limit) },
    };
  }
  if (request.method === 'POST' && request.url === '/v1/rag') {
    const query = body?.query ?? '';
    if (query === 'what is thrust?') {
      return { status: 502, json: { error: { code: 'UPSTREAM_UNAVAILABLE', message: 'generate is down' } } };
    }
    const cached = cache.has(query);
    cache.add(query);
    return {
      status: 200,
      json: {
        answer: `about ${query}`,
        citations: [],
        provider: 'ollama',
        model: 'llama3',
        cached,
        cost_usd: 0,
      },
    };
  }
  return { status: 404, json: { error: { code: 'ROUTE_NOT_FOUND', message: 'no' } } };
}

const cliEnv = (): NodeJS.ProcessEnv => ({
  ...Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(RAGFLEET_|GATEWAY_URL|INIT_CWD)/.test(name)),
  ),
  RAGFLEET_URL: url,
  RAGFLEET_API_KEY: KEY,
});

function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [MAIN, ...args],
      { cwd: REPO, env: cliEnv(), timeout: 20_000 },
      (error, stdout, stderr) => {
        done({ code: error ? Number((error as { code?: unknown }).code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const body = text ? (JSON.parse(text) as Seen['body']) : undefined;
      seen.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
      const { status, json } = answer(request, body);
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
    });
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((closed) => server.close(closed));
});

beforeEach(() => {
  seen = [];
  cache = new Set();
  top = [
    { question: 'what is lift?', score: 12.5 },
    { question: 'what is drag?', score: 3.25 },
    { question: 'what is thrust?', score: 1 },
  ];
});

const rags = () => seen.filter((request) => request.url === '/v1/rag');

describe('ragfleet warm --once', () => {
  it('asks each of the top questions twice, not streamed and marked as warming, and prints the hit ratio of each pass', async () => {
    cache.add('what is drag?');
    const result = await runCli(['warm', '--once', '--top', '3', '--tenant', 'tenant-a']);
    expect(result.stderr).toBe('');
    // The list of the caller's tenant (X-Tenant-Id asserts which), limited to --top.
    const list = seen.find((request) => request.method === 'GET');
    expect(list?.url).toBe('/v1/admin/questions/top?limit=3');
    expect(list?.headers['x-tenant-id']).toBe('tenant-a');
    expect(rags().map((request) => request.body?.query)).toEqual([
      'what is lift?',
      'what is drag?',
      'what is thrust?',
      'what is lift?',
      'what is drag?',
      'what is thrust?',
    ]);
    for (const request of rags()) {
      expect(request.body?.stream).toBe(false);
      expect(request.headers['x-ragfleet-warm']).toBe('1');
    }
    expect(result.stdout).toContain('warming the 3 most asked questions');
    expect(result.stdout).toMatch(/1\. \[12\.50\] what is lift\? \(ollama\/llama3, answered and cached\)/);
    expect(result.stdout).toMatch(/2\. \[3\.25\] what is drag\? \(ollama\/llama3, was cached\)/);
    expect(result.stdout).toMatch(
      /3\. \[1\.00\] what is thrust\? \(failed: UPSTREAM_UNAVAILABLE: generate is down\)/,
    );
    expect(result.stdout).toContain(
      'pass 1 (warming):   1 of 2 answers came from the response cache (50.0 %), 1 failed',
    );
    expect(result.stdout).toContain(
      'pass 2 (verifying): 2 of 2 answers came from the response cache (100.0 %), 1 failed',
    );
    expect(result.stdout).toContain('response-cache hit ratio: 50.0 % before, 100.0 % after');
    // A question that could not be warmed fails the run (a CronJob shows it).
    expect(result.code).toBe(1);
  });

  it('exits 0 when every question was warmed, and warms only --top of them', async () => {
    const result = await runCli(['warm', '--once', '--top', '2', '--concurrency', '1']);
    expect(result.code).toBe(0);
    expect(rags()).toHaveLength(4);
    expect(result.stdout).toContain('response-cache hit ratio: 0.0 % before, 100.0 % after');
  });

  it('says so when nothing has been asked yet', async () => {
    top = [];
    const result = await runCli(['warm', '--once']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('nothing to warm');
    expect(rags()).toHaveLength(0);
  });

  it.each([
    [['warm'], 'usage: ragfleet warm --once | --daemon'],
    [['warm', '--once', '--daemon'], 'usage: ragfleet warm --once | --daemon'],
    [['warm', '--once', '--top', '0'], '--top must be a positive integer'],
    [['warm', '--once', '--top', '5000'], '--top must be at most 1000'],
    [['warm', '--daemon', '--interval', 'soon'], '--interval must be a positive integer'],
  ])('refuses %j', async (args, message) => {
    const result = await runCli(args);
    // Typed wrong: exit 2, so a CronJob's script can tell it from a failed warm (1).
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(seen).toHaveLength(0);
  });
});

describe('ragfleet warm --daemon', () => {
  it('repeats a round every interval, for --rounds rounds', async () => {
    top = top.slice(0, 1);
    const started = Date.now();
    const result = await runCli(['warm', '--daemon', '--interval', '1', '--rounds', '2']);
    expect(result.code).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(result.stdout.match(/^round \d+ at /gm)).toHaveLength(2);
    // Round 1 fills the cache; round 2 finds it full from its first pass on.
    expect(result.stdout).toContain('response-cache hit ratio: 0.0 % before, 100.0 % after');
    expect(result.stdout).toContain('response-cache hit ratio: 100.0 % before, 100.0 % after');
    expect(result.stdout).toContain('warmer stopped');
    expect(rags()).toHaveLength(4);
  });

  it('stops on SIGINT after its round, without waiting out the interval', async () => {
    top = top.slice(0, 1);
    const child = spawn(process.execPath, [MAIN, 'warm', '--daemon', '--interval', '600'], {
      cwd: REPO,
      env: cliEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    const deadline = Date.now() + 15_000;
    while (!stdout.includes('hit ratio') && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    const signalled = Date.now();
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(5_000);
    expect(stdout).toContain('warmer stopped');
    expect(stdout.match(/^round \d+ at /gm)).toHaveLength(1);
  });

  it('keeps going when the gateway refuses a round, and says why', async () => {
    const result = await new Promise<{ code: number; stderr: string }>((done) => {
      execFile(
        process.execPath,
        [MAIN, 'warm', '--daemon', '--interval', '1', '--rounds', '2'],
        { cwd: REPO, env: { ...cliEnv(), RAGFLEET_API_KEY: 'rf_wrong' }, timeout: 20_000 },
        (error, _stdout, stderr) => done({ code: error ? 1 : 0, stderr }),
      );
    });
    expect(result.code).toBe(0);
    expect(result.stderr.match(/round \d: UNAUTHENTICATED/g)).toHaveLength(2);
  });
});
