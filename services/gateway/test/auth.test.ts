import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT } from 'jose';
import { GenerateClient, RetrieveClient } from '@ragfleet/grpc';
import { createLogger, createMetricsRegistry } from '@ragfleet/telemetry';
import { Admission } from '../src/admission/admission.ts';
import type { RouteKit } from '../src/routes/route-kit.ts';
import { routeTable } from '../src/routes/table.ts';
import { createApp } from '../src/app.ts';
import { hashApiKey } from '../src/auth/api-keys.ts';
import { Authenticator } from '../src/auth/authenticator.ts';
import { KeyDirectory } from '../src/auth/key-directory.ts';
import type { ApiKeyRecord } from '../src/auth/key-record.ts';
import { JwtVerifier } from '../src/auth/jwt-verifier.ts';
import { MemoryKeyStore } from '../src/auth/memory-key-store.ts';
import { createRequestLimiter } from '../src/rate-limit/create-limiter.ts';
import { TenantScopedUpstreams } from './support/tenant-scoped-upstreams.ts';

const ADMIN_TOKEN = 'admin-token-for-tests-0123456789';
const JWT_SECRET = 'jwt-secret-for-tests-0123456789-abcdef';
const KEYS = {
  a: 'rf_key_of_tenant_a',
  b: 'rf_key_of_tenant_b',
  searchOnly: 'rf_search_only',
  free: 'rf_free_tier',
};

function fileKey(id: string, key: string, fields: Partial<ApiKeyRecord>): ApiKeyRecord {
  return {
    id,
    hash: hashApiKey(key),
    tenant: 'tenant-a',
    user: id,
    tier: 'premium',
    scopes: ['*'],
    ...fields,
  };
}

let url: string;
let server: Server;
let upstreams: TenantScopedUpstreams;
let clients: { retrieve: RetrieveClient; generate: GenerateClient };

beforeAll(async () => {
  upstreams = new TenantScopedUpstreams();
  const address = await upstreams.start();
  clients = { retrieve: new RetrieveClient(address), generate: new GenerateClient(address) };
  const logger = createLogger('gateway', 'silent');
  const registry = createMetricsRegistry('gateway');
  const auth = new Authenticator({
    keys: new KeyDirectory({
      fileKeys: [
        fileKey('key-a', KEYS.a, { user: 'alice' }),
        fileKey('key-b', KEYS.b, { tenant: 'tenant-b', user: 'bob' }),
        fileKey('key-search', KEYS.searchOnly, { scopes: ['search'] }),
        fileKey('key-free', KEYS.free, { tenant: 'tenant-f', tier: 'free' }),
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
    adminToken: ADMIN_TOKEN,
    anonymousTier: 'premium',
  });
  const limiter = createRequestLimiter({
    settings: {
      perMinute: { free: 3, standard: 1_000, premium: 1_000, enterprise: 10_000 },
      perDay: 10_000,
      maxConcurrentStreams: 2,
      prefix: 'unused:',
      timeoutMs: 250,
      streamLeaseMs: 60_000,
    },
    logger,
    registry,
  });
  const app = createApp({
    ...clients,
    logger,
    registry,
    admission: new Admission({ auth, limiter }),
    readiness: async () => ({ ready: true, checks: {} }),
    bodyLimit: '64kb',
  });
  server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  clients.retrieve.close();
  clients.generate.close();
  await upstreams.stop();
});

function call(
  method: string,
  path: string,
  key: string | undefined,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  return fetch(`${url}${path}`, {
    method,
    headers: {
      ...(key ? { authorization: `Bearer ${key}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function errorCode(response: Response): Promise<string> {
  return ((await response.json()) as { error: { code: string } }).error.code;
}

function token(claims: Record<string, unknown>, options: { expiresIn?: string; audience?: string } = {}) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer('https://issuer.test')
    .setAudience(options.audience ?? 'ragfleet')
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '5m')
    .sign(new TextEncoder().encode(JWT_SECRET));
}

describe('credentials', () => {
  it('answers 401 UNAUTHENTICATED with WWW-Authenticate when no credential is sent', async () => {
    const response = await call('POST', '/v1/search', undefined, { query: 'x' });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="ragfleet"');
    expect(await errorCode(response)).toBe('UNAUTHENTICATED');
  });

  it('answers 401 with error="invalid_token" for an unknown key, by either header', async () => {
    const bearer = await call('POST', '/v1/search', 'rf_not_a_key', { query: 'x' });
    expect(bearer.status).toBe(401);
    expect(bearer.headers.get('www-authenticate')).toContain('error="invalid_token"');
    const header = await call(
      'POST',
      '/v1/search',
      undefined,
      { query: 'x' },
      { 'x-api-key': 'rf_not_a_key' },
    );
    expect(header.status).toBe(401);
  });

  it('accepts a key in X-API-Key as well as in Authorization', async () => {
    const response = await call('POST', '/v1/search', undefined, { query: 'x' }, { 'x-api-key': KEYS.a });
    expect(response.status).toBe(200);
  });

  it('rejects a malformed Authorization header', async () => {
    const response = await call('GET', '/v1/jobs/j', undefined, undefined, {
      authorization: `Basic ${btoa('a:b')}`,
    });
    expect(response.status).toBe(401);
  });

  it('answers 403 PERMISSION_DENIED when the key lacks the route scope', async () => {
    expect((await call('POST', '/v1/search', KEYS.searchOnly, { query: 'x' })).status).toBe(200);
    const denied = await call('POST', '/v1/documents', KEYS.searchOnly, { id: 'd', text: 'text' });
    expect(denied.status).toBe(403);
    expect(await errorCode(denied)).toBe('PERMISSION_DENIED');
  });

  it('answers 403 when X-Tenant-Id names another tenant than the credentials', async () => {
    const response = await call('POST', '/v1/search', KEYS.a, { query: 'x' }, { 'x-tenant-id': 'tenant-b' });
    expect(response.status).toBe(403);
  });

  it('accepts a valid JWT and forwards its tenant, user and tier upstream', async () => {
    const jwt = await token({ tenant: 'tenant-j', sub: 'jane', tier: 'standard' });
    const response = await call('POST', '/v1/search', jwt, { query: 'x' });
    expect(response.status).toBe(200);
    expect(upstreams.callers.at(-1)).toEqual({
      method: 'Search',
      tenant: 'tenant-j',
      user: 'jane',
      tier: 'standard',
    });
  });

  it('refuses expired tokens, foreign audiences, bad signatures and tokens without a tenant', async () => {
    const expired = await token({ tenant: 't', sub: 's' }, { expiresIn: '-1m' });
    const foreign = await token({ tenant: 't', sub: 's' }, { audience: 'someone-else' });
    const noTenant = await token({ sub: 's' });
    const forged = `${(await token({ tenant: 't', sub: 's' })).slice(0, -4)}AAAA`;
    for (const jwt of [expired, foreign, noTenant, forged]) {
      const response = await call('POST', '/v1/search', jwt, { query: 'x' });
      expect(response.status).toBe(401);
      expect(await errorCode(response)).toBe('UNAUTHENTICATED');
    }
  });

  it('refuses tokens without an expiry and tokens that live longer than the configured maximum', async () => {
    const claims = { tenant: 't', sub: 's' };
    const sign = (build: (jwt: SignJWT) => SignJWT) =>
      build(new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }))
        .setIssuer('https://issuer.test')
        .setAudience('ragfleet')
        .sign(new TextEncoder().encode(JWT_SECRET));
    const eternal = await sign((jwt) => jwt.setIssuedAt());
    const tooLong = await sign((jwt) => jwt.setIssuedAt().setExpirationTime('2h'));
    const noIssuedAt = await sign((jwt) => jwt.setExpirationTime('30d'));
    for (const [jwt, message] of [
      [eternal, 'The token has no "exp" claim.'],
      [tooLong, 'The token lives longer than the 3600 s this gateway accepts.'],
      [noIssuedAt, 'The token lives longer than the 3600 s this gateway accepts.'],
    ] as const) {
      const response = await call('POST', '/v1/search', jwt, { query: 'x' });
      expect(response.status).toBe(401);
      expect(((await response.json()) as { error: { message: string } }).error.message).toBe(message);
    }
    expect(
      (
        await call('POST', '/v1/search', await sign((jwt) => jwt.setIssuedAt().setExpirationTime('59m')), {
          query: 'x',
        })
      ).status,
    ).toBe(200);
  });

  it('gives no administration to a token claiming the admin scope unless configured to', async () => {
    const admin = await token({ tenant: 'tenant-a', sub: 'mallory', scope: 'admin search' });
    const denied = await call('POST', '/v1/admin/keys', admin, { tenant: 'tenant-b' });
    expect(denied.status).toBe(403);
    expect(await errorCode(denied)).toBe('PERMISSION_DENIED');
    expect((await call('GET', '/v1/index/versions', admin)).status).toBe(403);
    // Its other scopes still count.
    expect((await call('POST', '/v1/search', admin, { query: 'x' })).status).toBe(200);
  });

  it('leaves health probes open', async () => {
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });
});

describe('every route of the table', () => {
  it('is refused without credentials unless the table declares it public', async () => {
    const routes = routeTable({ keys: undefined } as unknown as RouteKit);
    expect(routes.length).toBeGreaterThan(10);
    for (const route of routes) {
      const path = route.path.replace(/:\w+/g, '1');
      const response = await call(route.method, path, undefined, route.body ? {} : undefined);
      await response.body?.cancel();
      const expected = route.access === 'public' ? 'not 401' : 401;
      expect({
        route: `${route.method} ${route.path}`,
        status: response.status === 401 ? 401 : 'not 401',
      }).toEqual({
        route: `${route.method} ${route.path}`,
        status: expected,
      });
    }
  });
});

describe('tenant isolation through every route', () => {
  it('tenant B can never read, search, delete or poll what tenant A stored', async () => {
    const created = await call('POST', '/v1/documents', KEYS.a, {
      id: 'secret.md',
      text: 'the launch code is 1234',
    });
    expect(created.status).toBe(202);
    const { job } = (await created.json()) as { job: { id: string } };

    // Tenant A sees its own data.
    expect((await call('GET', '/v1/documents/secret.md', KEYS.a)).status).toBe(200);
    expect((await call('GET', `/v1/jobs/${job.id}`, KEYS.a)).status).toBe(200);
    const ownSearch = (await (await call('POST', '/v1/search', KEYS.a, { query: 'launch' })).json()) as {
      hits: unknown[];
    };
    expect(ownSearch.hits).toHaveLength(1);

    // Tenant B, even naming tenant A's ids, sees nothing.
    expect((await call('GET', '/v1/documents/secret.md', KEYS.b)).status).toBe(404);
    expect((await call('GET', `/v1/jobs/${job.id}`, KEYS.b)).status).toBe(404);
    const otherSearch = (await (await call('POST', '/v1/search', KEYS.b, { query: 'launch' })).json()) as {
      hits: unknown[];
    };
    expect(otherSearch.hits).toEqual([]);
    const answer = (await (await call('POST', '/v1/rag', KEYS.b, { query: 'launch' })).json()) as {
      answer: string;
      citations: unknown[];
    };
    expect(answer.citations).toEqual([]);
    expect(answer.answer).not.toContain('1234');
    const deleted = await call('DELETE', '/v1/documents/secret.md', KEYS.b);
    expect(deleted.status).toBe(404);
    // B's delete did not touch A's document; the header cannot smuggle B into A either.
    expect((await call('GET', '/v1/documents/secret.md', KEYS.a)).status).toBe(200);
    expect(
      (await call('GET', '/v1/documents/secret.md', KEYS.b, undefined, { 'x-tenant-id': 'tenant-a' })).status,
    ).toBe(403);
  });

  it('forwards the key owner as user and the key tier upstream', async () => {
    await call('POST', '/v1/rag', KEYS.a, { query: 'launch' });
    expect(upstreams.callers.filter((caller) => caller.method === 'Answer').at(-1)).toEqual({
      method: 'Answer',
      tenant: 'tenant-a',
      user: 'alice',
      tier: 'premium',
    });
  });
});

describe('key administration', () => {
  it('creates a key once in clear, lets it work for its tenant, and revokes it', async () => {
    const created = await call('POST', '/v1/admin/keys', ADMIN_TOKEN, {
      tenant: 'tenant-n',
      user: 'nina',
      tier: 'standard',
    });
    expect(created.status).toBe(201);
    const body = (await created.json()) as { key: string; api_key: { id: string; tenant: string } };
    expect(body.key).toMatch(/^rf_/);
    expect(body.api_key).toMatchObject({ tenant: 'tenant-n', tier: 'standard', user: 'nina' });
    expect(JSON.stringify(body.api_key)).not.toContain(body.key);

    expect((await call('POST', '/v1/search', body.key, { query: 'x' })).status).toBe(200);
    expect(upstreams.callers.at(-1)).toMatchObject({ tenant: 'tenant-n', user: 'nina' });

    const revoked = await call('DELETE', `/v1/admin/keys/${body.api_key.id}`, ADMIN_TOKEN);
    expect(revoked.status).toBe(200);
    expect((await call('POST', '/v1/search', body.key, { query: 'x' })).status).toBe(401);
    expect((await call('DELETE', `/v1/admin/keys/${body.api_key.id}`, ADMIN_TOKEN)).status).toBe(404);
  });

  it('answers 401 without credentials and 403 to a known caller who is not admin', async () => {
    expect((await call('POST', '/v1/admin/keys', undefined, { tenant: 't' })).status).toBe(401);
    const denied = await call('POST', '/v1/admin/keys', KEYS.a, { tenant: 't' });
    expect(denied.status).toBe(403);
    expect(await errorCode(denied)).toBe('PERMISSION_DENIED');
  });

  it('will not let the admin token act as a tenant, nor revoke keys from the file', async () => {
    expect((await call('POST', '/v1/search', ADMIN_TOKEN, { query: 'x' })).status).toBe(403);
    expect((await call('DELETE', '/v1/admin/keys/key-a', ADMIN_TOKEN)).status).toBe(403);
  });

  it('validates the new key fields', async () => {
    const response = await call('POST', '/v1/admin/keys', ADMIN_TOKEN, {
      tenant: 'bad tenant!',
      tier: 'gold',
    });
    expect(response.status).toBe(400);
  });
});

describe('rate limits', () => {
  it('sends X-RateLimit headers and answers 429 RATE_LIMITED with Retry-After over the tier limit', async () => {
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 4; i++) {
      last = await call('POST', '/v1/search', KEYS.free, { query: 'x' });
      statuses.push(last.status);
      if (i === 0) {
        expect(last.headers.get('x-ratelimit-limit')).toBe('3');
        expect(last.headers.get('x-ratelimit-remaining')).toBe('2');
        expect(Number(last.headers.get('x-ratelimit-reset'))).toBeGreaterThan(0);
      }
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(Number(last?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(last?.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(await errorCode(last as Response)).toBe('RATE_LIMITED');
  });

  it('limits concurrent streams per key and frees a slot when a client disconnects', async () => {
    upstreams.answerDelayMs = 1_000;
    const open = [new AbortController(), new AbortController()];
    try {
      const first = await Promise.all(
        open.map((controller) =>
          fetch(`${url}/v1/rag`, {
            method: 'POST',
            headers: { authorization: `Bearer ${KEYS.b}`, 'content-type': 'application/json' },
            body: JSON.stringify({ query: 'anything', stream: true }),
            signal: controller.signal,
          }),
        ),
      );
      expect(first.map((response) => response.status)).toEqual([200, 200]);
      const third = await call('POST', '/v1/rag', KEYS.b, { query: 'anything' });
      expect(third.status).toBe(429);
      expect(third.headers.get('retry-after')).toBe('1');
      open[0]?.abort();
      await new Promise((resolve) => setTimeout(resolve, 100));
      upstreams.answerDelayMs = 0;
      expect((await call('POST', '/v1/rag', KEYS.b, { query: 'anything' })).status).toBe(200);
    } finally {
      upstreams.answerDelayMs = 0;
      open.forEach((controller) => controller.abort());
    }
  });
});
