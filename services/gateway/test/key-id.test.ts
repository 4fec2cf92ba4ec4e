import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SignJWT } from 'jose';
import { GrpcServer, RetrieveClient, Transport, type CallContext, type Handlers } from '@ragfleet/grpc';
import { protos } from '@ragfleet/protos';
import { createLogger, createMetricsRegistry } from '@ragfleet/telemetry';
import { Admission } from '../src/admission/admission.ts';
import { createApp } from '../src/app.ts';
import { hashApiKey } from '../src/auth/api-keys.ts';
import { Authenticator } from '../src/auth/authenticator.ts';
import { JwtVerifier } from '../src/auth/jwt-verifier.ts';
import { KeyDirectory } from '../src/auth/key-directory.ts';
import { MemoryKeyStore } from '../src/auth/memory-key-store.ts';

/**
 * The API key id reaches the services (budgets per key) in the gateway's service token: a
 * retrieve that only believes tokens sees the key id of an API key caller, and none for a JWT or
 * an anonymous caller, whatever headers they send.
 */
const fleetKey = randomBytes(32);
const API_KEY = 'rf_key_id_test_alice';
const JWT_SECRET = 'jwt-secret-for-key-id-tests-0123456789-abc';
const seen: Array<Pick<CallContext, 'tenant' | 'user' | 'keyId'>> = [];
let retrieveServer: GrpcServer;
let retrieve: RetrieveClient;
const servers: Server[] = [];
let keyedUrl: string;
let anonymousUrl: string;

/** A retrieve whose Search records who it was called for; its other methods are never called. */
function recordingRetrieve(): Handlers {
  const handlers: Handlers = {};
  for (const method of Object.keys(protos.retrieve().RetrieveService.service)) {
    handlers[method] = async () => {
      throw new Error(`${method} is not part of this test`);
    };
  }
  handlers.Search = async (_request: never, context: CallContext) => {
    seen.push({ tenant: context.tenant, user: context.user, keyId: context.keyId });
    return { hits: [] };
  };
  return handlers;
}

async function listen(auth: Authenticator): Promise<string> {
  const logger = createLogger('gateway', 'silent');
  const app = createApp({
    retrieve,
    generate: {} as never,
    logger,
    registry: createMetricsRegistry('gateway'),
    admission: new Admission({ auth }),
    readiness: async () => ({ ready: true, checks: {} }),
    bodyLimit: '16kb',
  });
  const server = createServer(app);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  retrieveServer = new GrpcServer({
    service: 'retrieve',
    logger: createLogger('retrieve', 'silent'),
    registry: createMetricsRegistry('retrieve'),
    transport: Transport.create({ service: 'retrieve', keys: [fleetKey] }),
  });
  retrieveServer.addService(
    'ragfleet.retrieve.v1.RetrieveService',
    protos.retrieve().RetrieveService.service,
    recordingRetrieve(),
  );
  const port = await retrieveServer.listen(0, '127.0.0.1');
  retrieve = new RetrieveClient(`127.0.0.1:${port}`, {
    transport: Transport.create({ service: 'gateway', keys: [fleetKey] }),
  });
  keyedUrl = await listen(
    new Authenticator({
      keys: new KeyDirectory({
        fileKeys: [
          {
            id: 'key-alice',
            hash: hashApiKey(API_KEY),
            tenant: 'tenant-k',
            user: 'alice',
            tier: 'standard',
            scopes: ['*'],
          },
        ],
        store: new MemoryKeyStore(),
        cacheMs: 0,
      }),
      jwt: new JwtVerifier({
        secret: JWT_SECRET,
        issuer: 'https://issuer.test',
        audience: 'ragfleet',
        tenantClaim: 'tenant',
        tierClaim: 'tier',
        defaultTier: 'free',
        maxLifetimeSeconds: 3_600,
        allowAdmin: false,
      }),
      anonymousTier: 'free',
    }),
  );
  anonymousUrl = await listen(new Authenticator({ anonymousTier: 'free' }));
});

afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  retrieve.close();
  await retrieveServer.close(0);
});

async function search(base: string, headers: Record<string, string>): Promise<void> {
  const response = await fetch(`${base}/v1/search`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: 'what is a budget?' }),
  });
  expect(response.status).toBe(200);
}

describe('the key id the services see', () => {
  it('is the API key id for an API key caller', async () => {
    await search(keyedUrl, { authorization: `Bearer ${API_KEY}` });
    expect(seen.at(-1)).toEqual({ tenant: 'tenant-k', user: 'alice', keyId: 'key-alice' });
  });

  it('is none for a JWT caller, whose rate-limit bucket is not a key', async () => {
    const token = await new SignJWT({ tenant: 'tenant-j' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('sub-1')
      .setIssuer('https://issuer.test')
      .setAudience('ragfleet')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(JWT_SECRET));
    await search(keyedUrl, { authorization: `Bearer ${token}`, 'x-key-id': 'key-alice' });
    expect(seen.at(-1)).toEqual({ tenant: 'tenant-j', user: 'sub-1', keyId: undefined });
  });

  it('is none for an anonymous caller, whatever it sends', async () => {
    await search(anonymousUrl, { 'x-tenant-id': 'tenant-a', 'x-key-id': 'key-alice' });
    expect(seen.at(-1)).toEqual({ tenant: 'tenant-a', user: 'anonymous', keyId: undefined });
  });
});
