import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** How the proxy slows the fake Ollama's chat: before its first line, and after it. */
export interface ChatDelays {
  /** Before anything is answered, as a cold model loads before its headers and first token. */
  firstTokenMs: number;
  /** After the first line (the first token), before the rest. */
  stallMs: number;
}

export interface DelayingProxy {
  url: string;
  /** /api/chat calls that reached the proxy. */
  chats(): number;
  setDelays(delays: ChatDelays): void;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * An HTTP proxy in front of the fake Ollama that holds each chat answer back: a local model's
 * cold load (nothing, then the first token) or a stall mid-answer. A client that gives up
 * is simply left.
 */
export async function startDelayingProxy(target: string): Promise<DelayingProxy> {
  let delays: ChatDelays = { firstTokenMs: 0, stallMs: 0 };
  let chats = 0;
  const server = createServer((request, response) => {
    void (async () => {
      const body = await readBody(request);
      const path = new URL(request.url ?? '/', 'http://localhost').pathname;
      const { firstTokenMs, stallMs } = delays;
      if (path === '/api/chat') chats++;
      if (path === '/api/chat') await sleep(firstTokenMs, undefined, { ref: false });
      if (response.destroyed) return;
      const upstream = await fetch(`${target}${request.url ?? '/'}`, {
        method: request.method ?? 'GET',
        headers: { 'content-type': 'application/json' },
        ...(body.length > 0 ? { body } : {}),
      });
      const text = await upstream.text();
      response.writeHead(upstream.status, {
        'content-type': upstream.headers.get('content-type') ?? 'application/json',
      });
      const newline = text.indexOf('\n');
      if (path !== '/api/chat' || newline < 0 || stallMs === 0) return void response.end(text);
      response.write(text.slice(0, newline + 1));
      await sleep(stallMs, undefined, { ref: false });
      if (!response.destroyed) response.end(text.slice(newline + 1));
    })().catch(() => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    chats: () => chats,
    setDelays(next) {
      delays = next;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
