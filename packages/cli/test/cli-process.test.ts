import { execFile } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';

/*
 * The CLI as a user runs it: a real process (`node packages/cli/src/main.ts`, what `pnpm ragfleet`
 * runs, from the repository root) against a small HTTP server standing in for the gateway.
 */

const REPO = resolve(import.meta.dirname, '../../..');
const MAIN = join(REPO, 'packages/cli/src/main.ts');

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}

let server: Server;
let url: string;
let seen: Seen[] = [];
let workspace: string;

const job = (ids: string[]) => ({
  id: 'job-1',
  state: 'succeeded',
  document_ids: ids,
  documents_total: ids.length,
  documents_done: ids.length,
  chunks_indexed: ids.length,
  error: null,
});

let limitedOnce = false;

const TURN_EVENTS = [
  { type: 'started', seq: 1, session_id: 's1', turn_id: 't1', message_id: '1' },
  { type: 'citations', seq: 2, citations: [{ index: 1, document_id: 'wing.md', title: 'Wing' }] },
  { type: 'token', seq: 3, text: 'Lift ' },
  { type: 'token', seq: 4, text: 'loads the wing [1].' },
  { type: 'done', seq: 5, provider: 'extractive', model: 'extractive-v1', time_to_first_token_ms: 9 },
];

const RAG_EVENTS = [
  { type: 'citations', citations: [{ index: 1, document_id: 'notes/guide.md', title: 'Guide' }] },
  { type: 'token', text: 'Hello [1].' },
  { type: 'done', provider: 'extractive', model: 'extractive-v1', time_to_first_token_ms: 12 },
];

function answer(
  request: IncomingMessage,
  body: unknown,
): { status: number; json: unknown; headers?: Record<string, string>; ndjson?: unknown[] } {
  if (request.url === '/v1/documents/limited?include=text' && !limitedOnce) {
    limitedOnce = true;
    return {
      status: 429,
      headers: { 'retry-after': '1' },
      json: { error: { code: 'RATE_LIMITED', message: 'Too many requests; retry after 1 s.' } },
    };
  }
  if (request.headers.authorization !== undefined && request.headers.authorization !== 'Bearer sk-test-key') {
    return {
      status: 401,
      json: { error: { code: 'UNAUTHENTICATED', message: 'The API key is not valid.' } },
    };
  }
  const documents = (body as { documents?: Array<{ id: string }> } | undefined)?.documents;
  if (request.method === 'POST' && documents?.[0]?.id === 'big/huge.txt') {
    return {
      status: 400,
      json: {
        error: {
          code: 'INVALID_ARGUMENT',
          message:
            'Invalid request: body.documents.0.text: Too big: expected string to have <=2000000 characters',
          details: { fields: [{ field: 'body.documents.0.text', message: 'Too big' }] },
        },
      },
    };
  }
  if (request.method === 'POST' && request.url === '/v1/sessions') {
    return { status: 201, json: { session: { id: 's1' } } };
  }
  // The turn's stream breaks off after its third event; the resume picks up after it.
  if (request.method === 'POST' && request.url === '/v1/sessions/s1/turns') {
    return { status: 200, json: undefined, ndjson: TURN_EVENTS.slice(0, 3) };
  }
  if (request.method === 'GET' && request.url?.startsWith('/v1/sessions/s1/turns/t1/events?after=')) {
    const after = Number(request.url.split('after=')[1]);
    // One event before the offset too, as a replay might: the CLI shows each seq once.
    return { status: 200, json: undefined, ndjson: TURN_EVENTS.filter((e) => e.seq >= after) };
  }
  if (request.method === 'POST' && request.url === '/v1/rag') {
    return { status: 200, json: undefined, ndjson: RAG_EVENTS };
  }
  if (request.method === 'POST' && request.url === '/v1/documents') {
    const ids = (body as { documents: Array<{ id: string }> }).documents.map((document) => document.id);
    return { status: 202, json: { job: job(ids) } };
  }
  if (
    request.method === 'GET' &&
    (request.url === '/v1/documents/notes%2Fguide.md?include=text' ||
      request.url === '/v1/documents/limited?include=text')
  ) {
    return {
      status: 200,
      json: {
        document: {
          id: 'notes/guide.md',
          title: 'Guide',
          metadata: { format: 'markdown' },
          chunk_count: 1,
          length: 17,
          updated_at: '2026-01-01T00:00:00.000Z',
          text: '# Guide\n\nHello.\n',
        },
      },
    };
  }
  if (request.method === 'GET' && request.url?.startsWith('/v1/documents/')) {
    return { status: 404, json: { error: { code: 'NOT_FOUND', message: 'Document "x" does not exist.' } } };
  }
  return { status: 404, json: { error: { code: 'ROUTE_NOT_FOUND', message: 'no' } } };
}

function runCli(
  args: string[],
  env: Record<string, string>,
  input = '',
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const clean = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !/^(RAGFLEET_|GATEWAY_URL|INIT_CWD)/.test(name)),
    );
    execFile(
      process.execPath,
      [MAIN, ...args],
      { cwd: REPO, env: { ...clean, ...env }, timeout: 20_000 },
      (error, stdout, stderr) => {
        const code = error ? Number((error as { code?: unknown }).code ?? 1) : 0;
        done({ code, stdout, stderr });
      },
    ).stdin?.end(input);
  });
}

beforeAll(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'ragfleet-cli-user-'));
  await mkdir(join(workspace, 'notes'));
  await writeFile(join(workspace, 'notes/guide.md'), '# Guide\n\nHello.\n');
  await mkdir(join(workspace, 'big'));
  await writeFile(join(workspace, 'big/huge.txt'), 'pretend this is very long');
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const body: unknown = text ? JSON.parse(text) : undefined;
      seen.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
      const { status, json, headers, ndjson } = answer(request, body);
      if (ndjson) {
        const lines = ndjson.map((event) => `${JSON.stringify(event)}\n`).join('');
        response.writeHead(status, { 'content-type': 'application/x-ndjson' }).end(lines);
        return;
      }
      response
        .writeHead(status, { 'content-type': 'application/json', ...headers })
        .end(JSON.stringify(json));
    });
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((closed) => server.close(closed));
  await rm(workspace, { recursive: true, force: true });
});

beforeEach(() => {
  seen = [];
});

describe('ragfleet ingest, run through pnpm from the repository root', () => {
  it('resolves paths against INIT_CWD and makes ids relative to it', async () => {
    const result = await runCli(['ingest', 'notes'], { INIT_CWD: workspace, RAGFLEET_URL: url });
    expect(result.stderr).not.toContain('no such file');
    expect(result.code).toBe(0);
    const ingest = seen.find((request) => request.url === '/v1/documents');
    expect((ingest?.body as { documents: Array<{ id: string }> }).documents.map((d) => d.id)).toEqual([
      'notes/guide.md',
    ]);
  });

  it('names a refused document by its id, not its place in the request', async () => {
    const result = await runCli(['ingest', 'big'], { INIT_CWD: workspace, RAGFLEET_URL: url });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'ragfleet: INVALID_ARGUMENT: Invalid request: "big/huge.txt" text: Too big',
    );
  });
});

describe('credentials and address', () => {
  it('sends RAGFLEET_API_KEY as a bearer token to RAGFLEET_URL', async () => {
    const result = await runCli(['get', 'notes/guide.md'], {
      RAGFLEET_URL: url,
      RAGFLEET_API_KEY: 'sk-test-key',
    });
    expect(result.code).toBe(0);
    expect(seen[0]?.headers.authorization).toBe('Bearer sk-test-key');
  });

  it('prefers --url and --api-key over the environment', async () => {
    const result = await runCli(['get', 'notes/guide.md', '--url', url, '--api-key', 'sk-test-key'], {
      RAGFLEET_URL: 'http://127.0.0.1:1',
      RAGFLEET_API_KEY: 'sk-wrong',
    });
    expect(result.code).toBe(0);
    expect(seen[0]?.headers.authorization).toBe('Bearer sk-test-key');
  });

  it('says how to pass a key when the gateway refuses the one it got', async () => {
    const result = await runCli(['get', 'notes/guide.md', '--api-key', 'sk-wrong'], { RAGFLEET_URL: url });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('ragfleet: UNAUTHENTICATED: The API key is not valid. (check the key)');
  });

  it('refuses an address that is not http(s) before calling anything', async () => {
    const result = await runCli(['get', 'x', '--url', 'ftp://example'], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--url must be an http(s) address');
  });
});

describe('ragfleet ask', () => {
  it('prints the answer, its sources, and how soon the first token came', async () => {
    const result = await runCli(['ask', 'Say hello', '--filter', 'format=markdown'], { RAGFLEET_URL: url });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Hello [1].');
    expect(result.stdout).toContain('[1] Guide — notes/guide.md');
    expect(result.stderr).toContain('(extractive/extractive-v1, first token 12 ms)');
    expect(seen[0]?.body).toMatchObject({ query: 'Say hello', filter: { metadata: { format: 'markdown' } } });
  });
});

describe('ragfleet chat', () => {
  it('holds a conversation from stdin and resumes a broken stream without losing or repeating a word', async () => {
    const result = await runCli(['chat'], { RAGFLEET_URL: url }, 'How is a wing loaded?\n');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('Lift loads the wing [1].\n');
    expect(result.stderr).toContain('session s1');
    expect(result.stderr).toContain('(extractive/extractive-v1, first token 9 ms)');
    expect(seen.map((request) => `${request.method} ${request.url}`)).toEqual([
      'POST /v1/sessions',
      'POST /v1/sessions/s1/turns',
      'GET /v1/sessions/s1/turns/t1/events?after=3',
    ]);
    expect(seen[1]?.body).toEqual({ message: 'How is a wing loaded?', stream: true });
  });

  it('continues a session given with --session', async () => {
    const result = await runCli(['chat', '--session', 's1'], { RAGFLEET_URL: url }, 'Again?\n\n');
    expect(result.code).toBe(0);
    expect(seen[0]?.url).toBe('/v1/sessions/s1/turns');
  });
});

describe('ragfleet get', () => {
  it('prints the title, the metadata and the text', async () => {
    const result = await runCli(['get', 'notes/guide.md'], { RAGFLEET_URL: url });
    expect(result.code).toBe(0);
    expect(seen[0]?.url).toBe('/v1/documents/notes%2Fguide.md?include=text');
    expect(result.stdout).toContain('title:    Guide');
    expect(result.stdout).toContain('meta:     format=markdown');
    expect(result.stdout).toContain('\n\n# Guide\n\nHello.\n');
  });

  it('waits out a 429 for as long as Retry-After says, then goes on', async () => {
    const result = await runCli(['get', 'limited'], { RAGFLEET_URL: url });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("the gateway's rate limit was reached; retrying in 1 s");
    expect(seen.map((request) => request.url)).toEqual([
      '/v1/documents/limited?include=text',
      '/v1/documents/limited?include=text',
    ]);
  });

  it('reports a missing document in one line', async () => {
    const result = await runCli(['get', 'nope'], { RAGFLEET_URL: url });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('ragfleet: NOT_FOUND: Document "x" does not exist.');
  });
});
