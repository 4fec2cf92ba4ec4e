import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** What the proxy does with one chat: hold it back this long, or answer with this HTTP failure. */
export interface ChatPlan {
  delayMs?: number;
  failStatus?: number;
}

/** Which chat this is: its model, and the panel specialist its system prompt names (if any). */
export interface ChatCall {
  model: string;
  specialist: string | undefined;
  receivedAt: number;
  answeredAt?: number;
}

export interface PlanningProxy {
  url: string;
  calls: ChatCall[];
  setPlan(plan: (call: ChatCall) => ChatPlan): void;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const SPECIALIST = /You are the ([\w-]+) specialist/;

/**
 * An HTTP proxy in front of the fake Ollama (packages/testing) that delays or fails each chat by
 * its model or by the panel specialist that sent it: a slow shadow model, specialists of unequal
 * speed, one that fails before its first token.
 */
export async function startPlanningProxy(target: string): Promise<PlanningProxy> {
  let plan: (call: ChatCall) => ChatPlan = () => ({});
  const calls: ChatCall[] = [];
  const server = createServer((request, response) => {
    void (async () => {
      const body = await readBody(request);
      const path = new URL(request.url ?? '/', 'http://localhost').pathname;
      if (path === '/api/chat') {
        const parsed = JSON.parse(body.toString('utf8')) as {
          model: string;
          messages: Array<{ content: string }>;
        };
        const call: ChatCall = {
          model: parsed.model,
          specialist: SPECIALIST.exec(parsed.messages[0]?.content ?? '')?.[1],
          receivedAt: performance.now(),
        };
        calls.push(call);
        const { delayMs = 0, failStatus } = plan(call);
        await sleep(delayMs, undefined, { ref: false });
        if (response.destroyed) return;
        if (failStatus) {
          response.writeHead(failStatus, { 'content-type': 'application/json' });
          response.end(JSON.stringify({ error: `planned failure for ${call.specialist ?? call.model}` }));
          call.answeredAt = performance.now();
          return;
        }
        response.once('finish', () => (call.answeredAt = performance.now()));
      }
      const upstream = await fetch(`${target}${request.url ?? '/'}`, {
        method: request.method ?? 'GET',
        headers: { 'content-type': 'application/json' },
        ...(body.length > 0 ? { body } : {}),
      });
      const text = await upstream.text();
      response.writeHead(upstream.status, {
        'content-type': upstream.headers.get('content-type') ?? 'application/json',
      });
      response.end(text);
    })().catch(() => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    setPlan(next) {
      plan = next;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
