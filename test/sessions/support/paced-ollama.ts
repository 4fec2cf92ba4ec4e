import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An Ollama stand-in whose chat answer arrives one word at a time, `intervalMs` apart, as a slow
 * model's does: a turn through it is still streaming seconds after it began, so a test can kill
 * a process or resume on another replica in the middle of it. (The offline extractive answer
 * arrives at once, and its tokens are merged into one event.) It counts answers begun and
 * finished, so a test can tell that something happened mid-stream.
 */
export interface PacedOllama {
  url: string;
  /** Words of every answer, in order: "w1 w2 ... wN." */
  answer: string;
  started(): number;
  finished(): number;
  close(): Promise<void>;
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

export async function startPacedOllama(options: { words: number; intervalMs: number }): Promise<PacedOllama> {
  const words = Array.from({ length: options.words }, (_, index) => `${index === 0 ? '' : ' '}w${index + 1}`);
  let started = 0;
  let finished = 0;
  const timers = new Set<NodeJS.Timeout>();

  function chat(response: ServerResponse, model: string): void {
    started += 1;
    response.writeHead(200, { 'content-type': 'application/x-ndjson' });
    const line = (content: string, done: boolean) =>
      `${JSON.stringify({
        model,
        created_at: new Date().toISOString(),
        message: { role: 'assistant', content },
        done,
        ...(done ? { done_reason: 'stop', prompt_eval_count: 10, eval_count: words.length } : {}),
      })}\n`;
    let next = 0;
    const tick = () => {
      timers.delete(timer);
      if (response.destroyed) return;
      if (next < words.length) {
        response.write(line(words[next++] as string, false));
        timer = setTimeout(tick, options.intervalMs);
        timers.add(timer);
        return;
      }
      finished += 1;
      response.end(line('', true));
    };
    let timer = setTimeout(tick, options.intervalMs);
    timers.add(timer);
  }

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = new URL(request.url ?? '/', 'http://localhost').pathname;
      if (request.method === 'POST' && path === '/api/chat') {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { model?: string };
        return chat(response, body.model ?? 'llama3.2');
      }
      if (path === '/api/version') return sendJson(response, 200, { version: '0.12.0' });
      if (path === '/api/tags') return sendJson(response, 200, { models: [{ name: 'llama3.2:latest' }] });
      sendJson(response, 404, { error: `${request.method} ${path} not found` });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    answer: words.join(''),
    started: () => started,
    finished: () => finished,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
