import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the fake answers /api/chat, so tests can drive the normal stream and both failure modes. */
export type FakeChatBehavior =
  | { mode: 'ok'; tokens: string[] }
  | { mode: 'fail-before-first-token'; status: number }
  | { mode: 'fail-mid-stream'; tokensBeforeFailure: string[] };

export interface FakeOllama {
  /** Base URL to give `new Ollama({ host })`. */
  url: string;
  /** Every request received, in order, with its parsed JSON body. */
  requests: Array<{ path: string; body: unknown }>;
  setChatBehavior(behavior: FakeChatBehavior): void;
  close(): Promise<void>;
}

const FAKE_VERSION = '0.12.0';

/** A deterministic vector from the text's hash: equal texts agree, different texts differ. */
function fakeEmbedding(text: string, dimensions: number): number[] {
  const values: number[] = [];
  for (let block = 0; values.length < dimensions; block++) {
    const digest = createHash('sha256').update(`${block}:${text}`).digest();
    for (let i = 0; i + 1 < digest.length && values.length < dimensions; i += 2) {
      values.push(digest.readUInt16BE(i) / 32768 - 1);
    }
  }
  const norm = Math.hypot(...values) || 1;
  return values.map((value) => value / norm);
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

function field<T>(body: unknown, name: string): T | undefined {
  return typeof body === 'object' && body !== null
    ? ((body as Record<string, unknown>)[name] as T)
    : undefined;
}

/** Roughly what Ollama would count: whitespace-separated words. */
function countTokens(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/**
 * A local HTTP server speaking the parts of Ollama's API the fleet uses, so that tests drive the
 * real `ollama` client: /api/embed, /api/chat (NDJSON stream or one message), /api/tags,
 * /api/version.
 */
export async function startFakeOllama(options: { dimensions?: number } = {}): Promise<FakeOllama> {
  const dimensions = options.dimensions ?? 8;
  const requests: FakeOllama['requests'] = [];
  let chatBehavior: FakeChatBehavior = { mode: 'ok', tokens: ['Hello', ' from', ' fake', ' Ollama.'] };

  function embed(body: unknown, response: ServerResponse): void {
    const model = field<string>(body, 'model');
    const input = field<unknown>(body, 'input');
    const texts = typeof input === 'string' ? [input] : input;
    if (!model || !Array.isArray(texts) || !texts.every((text) => typeof text === 'string')) {
      return sendJson(response, 400, { error: 'invalid request: model and input are required' });
    }
    sendJson(response, 200, {
      model,
      embeddings: texts.map((text) => fakeEmbedding(text, dimensions)),
      total_duration: 1_000_000,
      load_duration: 100_000,
      prompt_eval_count: texts.reduce((sum, text) => sum + countTokens(text), 0),
    });
  }

  function chat(body: unknown, response: ServerResponse): void {
    const model = field<string>(body, 'model');
    const messages = field<Array<{ content?: string }>>(body, 'messages');
    if (!model || !Array.isArray(messages)) {
      return sendJson(response, 400, { error: 'invalid request: model and messages are required' });
    }
    const behavior = chatBehavior;
    if (behavior.mode === 'fail-before-first-token') {
      return sendJson(response, behavior.status, {
        error: `fake ollama failure (status ${behavior.status})`,
      });
    }
    const promptEvalCount = messages.reduce((sum, message) => sum + countTokens(message.content ?? ''), 0);
    const tokens = behavior.mode === 'ok' ? behavior.tokens : behavior.tokensBeforeFailure;
    const createdAt = () => new Date().toISOString();
    const stream = field<boolean>(body, 'stream') ?? true;
    if (!stream && behavior.mode === 'ok') {
      return sendJson(response, 200, {
        model,
        created_at: createdAt(),
        message: { role: 'assistant', content: tokens.join('') },
        done: true,
        done_reason: 'stop',
        prompt_eval_count: promptEvalCount,
        eval_count: tokens.length,
      });
    }
    response.writeHead(200, { 'content-type': 'application/x-ndjson' });
    for (const token of tokens) {
      const line = {
        model,
        created_at: createdAt(),
        message: { role: 'assistant', content: token },
        done: false,
      };
      response.write(`${JSON.stringify(line)}\n`);
    }
    if (behavior.mode === 'fail-mid-stream') {
      // Let the tokens reach the client before the connection dies, as when a model server crashes.
      setTimeout(() => response.socket?.destroy(), 20);
      return;
    }
    const done = {
      model,
      created_at: createdAt(),
      message: { role: 'assistant', content: '' },
      done: true,
      done_reason: 'stop',
      prompt_eval_count: promptEvalCount,
      eval_count: tokens.length,
    };
    response.end(`${JSON.stringify(done)}\n`);
  }

  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    readJson(request).then(
      (body) => {
        requests.push({ path, body });
        if (request.method === 'POST' && path === '/api/embed') return embed(body, response);
        if (request.method === 'POST' && path === '/api/chat') return chat(body, response);
        if (request.method === 'GET' && path === '/api/version')
          return sendJson(response, 200, { version: FAKE_VERSION });
        if (request.method === 'GET' && path === '/api/tags') {
          return sendJson(response, 200, {
            models: ['nomic-embed-text:latest', 'llama3.2:latest'].map((name) => ({
              name,
              model: name,
              modified_at: new Date(0).toISOString(),
              size: 0,
              digest: createHash('sha256').update(name).digest('hex'),
              details: {
                format: 'gguf',
                family: name.split(':')[0],
                parameter_size: '1B',
                quantization_level: 'Q4_0',
              },
            })),
          });
        }
        sendJson(response, 404, { error: `${request.method} ${path} not found` });
      },
      (error: unknown) => sendJson(response, 400, { error: String(error) }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setChatBehavior(behavior) {
      chatBehavior = behavior;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
