import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake does with the next /v1/messages call. */
export type FakeAnthropicBehavior =
  | { mode: 'ok'; tokens: string[] }
  | { mode: 'fail-before-first-token'; status: number }
  | { mode: 'fail-mid-stream'; tokensBeforeFailure: string[] };

export interface FakeAnthropic {
  /** Base URL for the SDK's `baseURL` option. */
  url: string;
  /** Parsed JSON bodies of every /v1/messages request, in order. */
  requests: unknown[];
  setBehavior(behavior: FakeAnthropicBehavior): void;
  close(): Promise<void>;
}

const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  529: 'overloaded_error',
};

function sse(response: ServerResponse, event: string, data: unknown): void {
  response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : {};
}

function modelOf(body: unknown): string {
  const model = (body as { model?: unknown }).model;
  return typeof model === 'string' ? model : 'claude-fake';
}

function startStream(response: ServerResponse, model: string, id: string): void {
  response.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    'request-id': id,
  });
  sse(response, 'message_start', {
    type: 'message_start',
    message: {
      id: `msg_${id}`,
      type: 'message',
      role: 'assistant',
      model,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { input_tokens: 42, output_tokens: 1 },
    },
  });
  sse(response, 'content_block_start', {
    type: 'content_block_start',
    index: 0,
    content_block: { type: 'text', text: '' },
  });
  sse(response, 'ping', { type: 'ping' });
}

function writeTokens(response: ServerResponse, tokens: string[]): void {
  for (const token of tokens) {
    sse(response, 'content_block_delta', {
      type: 'content_block_delta',
      index: 0,
      delta: { type: 'text_delta', text: token },
    });
  }
}

/**
 * A local server speaking Anthropic's Messages API (POST /v1/messages with `stream: true`) as
 * server-sent events, so that the real @anthropic-ai/sdk client can be tested against it.
 */
export async function startFakeAnthropic(): Promise<FakeAnthropic> {
  let behavior: FakeAnthropicBehavior = { mode: 'ok', tokens: ['Hello', ' from', ' the', ' fake', '.'] };
  const requests: unknown[] = [];
  let counter = 0;

  const server = createServer((request, response) => {
    void (async () => {
      if (request.method !== 'POST' || !request.url?.startsWith('/v1/messages')) {
        response.writeHead(404, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify({ type: 'error', error: { type: 'not_found_error', message: 'Not found' } }),
        );
        return;
      }
      const body = await readJson(request);
      requests.push(body);
      const id = `fake_${++counter}`;
      const current = behavior;

      if (current.mode === 'fail-before-first-token') {
        response.writeHead(current.status, { 'content-type': 'application/json', 'request-id': id });
        const type = ERROR_TYPES[current.status] ?? 'api_error';
        response.end(JSON.stringify({ type: 'error', error: { type, message: `fake ${type}` } }));
        return;
      }

      startStream(response, modelOf(body), id);
      if (current.mode === 'fail-mid-stream') {
        writeTokens(response, current.tokensBeforeFailure);
        sse(response, 'error', { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } });
        response.end();
        return;
      }
      writeTokens(response, current.tokens);
      sse(response, 'content_block_stop', { type: 'content_block_stop', index: 0 });
      sse(response, 'message_delta', {
        type: 'message_delta',
        delta: { stop_reason: 'end_turn', stop_sequence: null },
        usage: { output_tokens: current.tokens.length },
      });
      sse(response, 'message_stop', { type: 'message_stop' });
      response.end();
    })().catch((error: unknown) => {
      response.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setBehavior: (next) => {
      behavior = next;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
