import { uniqueSuffix } from '@ragfleet/testing';

/** The local Redis the integration tests share, each run under prefixes of its own. */
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Environment for a fleet on the local Redis whose every key (sessions, gateway limits, keys,
 * WebSocket tickets, embedding cache) lives under this run's prefix, the embedded queue instead
 * of NATS, and generate's answers from `ollamaUrl` (the paced stand-in; embeddings stay local).
 */
export function sessionFleetEnv(
  name: string,
  ollamaUrl: string,
): { env: Record<string, string>; prefix: string } {
  const prefix = `ragfleet:test:${name}:${uniqueSuffix()}:`;
  return {
    prefix,
    env: {
      REDIS_URL,
      NATS_URL: '',
      SESSION_KEY_PREFIX: `${prefix}session:`,
      GATEWAY_RATE_LIMIT_PREFIX: `${prefix}rl:`,
      GATEWAY_KEYS_PREFIX: `${prefix}keys:`,
      GATEWAY_WS_TICKET_PREFIX: `${prefix}ws:`,
      EMBED_CACHE_PREFIX: `${prefix}embed:`,
      EMBED_WORKERS: '1',
      EMBED_DEFAULT_PROVIDER: 'local',
      OLLAMA_HOST: ollamaUrl,
      LOG_LEVEL: 'warn',
    },
  };
}

/** A turn's events as the public API (and the tests) see them. */
export interface PublicTurnEvent {
  type: string;
  seq: number;
  turn_id?: string;
  session_id?: string;
  text?: string;
  error?: { code: string };
}

/** NDJSON lines of a response body as they arrive; stops at the stream's end or an error. */
export async function* ndjsonEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<PublicTurnEvent> {
  const decoder = new TextDecoder();
  let pending = '';
  for await (const chunk of body) {
    pending += decoder.decode(chunk, { stream: true });
    let newline = pending.indexOf('\n');
    while (newline >= 0) {
      const line = pending.slice(0, newline).trim();
      pending = pending.slice(newline + 1);
      if (line) yield JSON.parse(line) as PublicTurnEvent;
      newline = pending.indexOf('\n');
    }
  }
  if (pending.trim()) yield JSON.parse(pending) as PublicTurnEvent;
}

/** The seqs 1..N, each once, in order, ending with `done`: what a client must end up with. */
export function shapeOf(events: readonly { seq: number; type: string }[]): string {
  return events.map((event) => `${event.seq}:${event.type}`).join(' ');
}
