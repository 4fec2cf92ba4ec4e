import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { once } from 'node:events';
import { WebSocket } from 'ws';
import { createLogger, createMetricsRegistry } from '@ragfleet/telemetry';
import { hashApiKey } from '../src/auth/api-keys.ts';
import { Authenticator } from '../src/auth/authenticator.ts';
import { KeyDirectory } from '../src/auth/key-directory.ts';
import { MemoryKeyStore } from '../src/auth/memory-key-store.ts';
import { websocketSeams } from '../src/auth/websocket-seams.ts';
import { createRequestLimiter } from '../src/rate-limit/create-limiter.ts';
import {
  startWsTestGateway,
  WsClient,
  type WsTestGateway,
  type WsTestOptions,
} from './support/ws-gateway.ts';

/** The production seams: the gateway's real authenticator and limiter behind /v1/ws. */
const FREE_KEY = 'rf_ws_free_key';
const SEARCH_ONLY_KEY = 'rf_ws_search_only';
let gateway: WsTestGateway;

beforeAll(async () => {
  const auth = new Authenticator({
    keys: new KeyDirectory({
      fileKeys: [
        {
          id: 'free',
          hash: hashApiKey(FREE_KEY),
          tenant: 'tenant-ws',
          user: 'wendy',
          tier: 'free',
          scopes: ['*'],
        },
        {
          id: 'search',
          hash: hashApiKey(SEARCH_ONLY_KEY),
          tenant: 'tenant-ws',
          user: 'sam',
          tier: 'free',
          scopes: ['search'],
        },
      ],
      store: new MemoryKeyStore(),
      cacheMs: 0,
    }),
    anonymousTier: 'premium',
  });
  const limiter = createRequestLimiter({
    settings: {
      perMinute: { free: 2, standard: 100, premium: 100 },
      perDay: 1_000,
      maxConcurrentStreams: 5,
      prefix: 'unused:',
      timeoutMs: 250,
      streamLeaseMs: 60_000,
    },
    logger: createLogger('gateway', 'silent'),
    registry: createMetricsRegistry('gateway'),
  });
  // The test gateway is typed for the base identity; the seams hand back the richer one they made.
  gateway = await startWsTestGateway(websocketSeams(auth, limiter) as unknown as WsTestOptions);
});

afterAll(async () => {
  await gateway.stop();
});

async function refusedStatus(headers: Record<string, string>): Promise<number> {
  const socket = new WebSocket(gateway.wsUrl, { headers });
  const [, response] = (await once(socket, 'unexpected-response')) as [unknown, { statusCode: number }];
  return response.statusCode;
}

describe('/v1/ws with the gateway authenticator and limiter', () => {
  it('refuses the upgrade without credentials (401) and for a key without the rag scope (403)', async () => {
    expect(await refusedStatus({})).toBe(401);
    expect(await refusedStatus({ 'x-api-key': SEARCH_ONLY_KEY })).toBe(403);
  });

  it('counts each ask against the key and refuses past the limit with retry_after', async () => {
    const client = await new WsClient(gateway.wsUrl, { authorization: `Bearer ${FREE_KEY}` }).open();
    for (const id of ['one', 'two']) {
      client.send({ type: 'rag', id, query: 'How do answers stream?' });
      expect(
        await client.until((event) => event.id === id && ['done', 'error'].includes(String(event.type))),
      ).toMatchObject({
        type: 'done',
      });
    }
    client.send({ type: 'rag', id: 'three', query: 'How do answers stream?' });
    const refused = await client.until((event) => event.id === 'three');
    expect(refused).toMatchObject({ type: 'error', error: { code: 'RATE_LIMITED' } });
    expect((refused.error as { retry_after: number }).retry_after).toBeGreaterThan(0);
    client.socket.terminate();
  });

  it('asks upstream as the key tenant, never a header', async () => {
    const calls = gateway.upstreams.calls.filter((call) => call.method === 'Answer');
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((call) => call.tenant === 'tenant-ws')).toBe(true);
  });
});
