import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RagfleetError } from '@ragfleet/errors';
import { RouterClient } from '@ragfleet/grpc';
import { createLogger, createMetricsRegistry } from '@ragfleet/telemetry';
import { Admission } from '../src/admission/admission.ts';
import { createApp } from '../src/app.ts';
import { hashApiKey } from '../src/auth/api-keys.ts';
import { Authenticator } from '../src/auth/authenticator.ts';
import { KeyDirectory } from '../src/auth/key-directory.ts';
import { MemoryKeyStore } from '../src/auth/memory-key-store.ts';
import { budgetJson, budgetList } from '../src/routes/admin-budgets.ts';
import { FakeRouter } from './support/fake-router.ts';
import { conforms } from './support/response-checks.ts';

/**
 * /v1/admin/budgets in the gateway's app, over real gRPC to a RouterService whose budget RPCs
 * are faked: what each route sends the router, what it answers, and the input it refuses before
 * the router is called.
 */
const ADMIN_TOKEN = 'admin-token-for-budget-tests-0123456789';
const USER_KEY = 'rf_budget_test_user_key';
const router = new FakeRouter();
let client: RouterClient;
const servers: Server[] = [];
let url: string;
let withoutRouterUrl: string;

async function listen(withRouter: boolean): Promise<string> {
  const auth = new Authenticator({
    keys: new KeyDirectory({
      fileKeys: [
        {
          id: 'key-u',
          hash: hashApiKey(USER_KEY),
          tenant: 'acme',
          user: 'u',
          tier: 'standard',
          scopes: ['*'],
        },
      ],
      store: new MemoryKeyStore(),
      cacheMs: 0,
    }),
    adminToken: ADMIN_TOKEN,
    anonymousTier: 'free',
  });
  const app = createApp({
    retrieve: {} as never,
    generate: {} as never,
    ...(withRouter ? { budgets: client } : {}),
    admission: new Admission({ auth }),
    logger: createLogger('gateway', 'silent'),
    registry: createMetricsRegistry('gateway'),
    readiness: async () => ({ ready: true, checks: {} }),
    bodyLimit: '4kb',
  });
  const server = createServer(app);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  client = new RouterClient(await router.start());
  url = await listen(true);
  withoutRouterUrl = await listen(false);
});

afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  client.close();
  await router.stop();
});

function call(
  method: string,
  path: string,
  options: { body?: unknown; credential?: string; base?: string } = {},
): Promise<Response> {
  const { body, credential = ADMIN_TOKEN, base = url } = options;
  return fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${credential}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
}

interface ErrorBody {
  error: { code: string; details: { fields?: Array<{ field: string }> } | null };
}

describe('/v1/admin/budgets', () => {
  it('sets a budget through the router and answers 201 with its status', async () => {
    router.spent.set('acme|key|key-u|day', 1.25);
    const response = await call('POST', '/v1/admin/budgets', {
      body: { tenant: 'acme', scope: 'key', id: 'key-u', period: 'day', limit_usd: 5 },
    });
    expect(response.status).toBe(201);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual({
      tenant: 'acme',
      scope: 'key',
      id: 'key-u',
      period: 'day',
      limit_usd: 5,
      spent_usd: 1.25,
      reserved_usd: 0,
      remaining_usd: 3.75,
      reset_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT00:00:00\.000Z$/),
    });
    conforms(budgetJson, body);
    expect(router.calls.at(-1)).toMatchObject({
      method: 'SetBudget',
      request: { scope: { tenant: 'acme', kind: 'key', id: 'key-u' }, period: 'day', limitUsd: 5 },
    });
  });

  it('defaults the scope to the tenant, and lists a tenant’s budgets only', async () => {
    const set = await call('POST', '/v1/admin/budgets', {
      body: { tenant: 'acme', period: 'month', limit_usd: 100 },
    });
    expect(set.status).toBe(201);
    expect(await set.json()).toMatchObject({ tenant: 'acme', scope: 'tenant', id: null, period: 'month' });
    await call('POST', '/v1/admin/budgets', { body: { tenant: 'other', period: 'day', limit_usd: 1 } });
    const listed = await call('GET', '/v1/admin/budgets?tenant=acme');
    expect(listed.status).toBe(200);
    const body = (await listed.json()) as { tenant: string; budgets: Array<Record<string, unknown>> };
    expect(body.tenant).toBe('acme');
    conforms(budgetList, body);
    expect(body.budgets.map((budget) => [budget.scope, budget.id, budget.period, budget.limit_usd])).toEqual([
      ['key', 'key-u', 'day', 5],
      ['tenant', null, 'month', 100],
    ]);
  });

  it('deletes one budget named in the query or the body with 204, and 404 when there is none', async () => {
    const byQuery = await call('DELETE', '/v1/admin/budgets?tenant=acme&scope=key&id=key-u&period=day');
    expect(byQuery.status).toBe(204);
    expect(router.calls.at(-1)).toMatchObject({
      method: 'DeleteBudget',
      request: { scope: { tenant: 'acme', kind: 'key', id: 'key-u' }, period: 'day' },
    });
    const again = await call('DELETE', '/v1/admin/budgets?tenant=acme&scope=key&id=key-u&period=day');
    expect(again.status).toBe(404);
    expect(((await again.json()) as ErrorBody).error.code).toBe('NOT_FOUND');
    const byBody = await call('DELETE', '/v1/admin/budgets', { body: { tenant: 'acme', period: 'month' } });
    expect(byBody.status).toBe(204);
    const left = (await (await call('GET', '/v1/admin/budgets?tenant=acme')).json()) as {
      budgets: unknown[];
    };
    expect(left.budgets).toEqual([]);
  });

  it('is for the admin scope only, checked before any input', async () => {
    const before = router.calls.length;
    for (const [method, path] of [
      ['POST', '/v1/admin/budgets'],
      ['GET', '/v1/admin/budgets?tenant=acme'],
      ['DELETE', '/v1/admin/budgets?tenant=acme&period=day'],
    ] as const) {
      const response = await call(method, path, {
        credential: USER_KEY,
        ...(method === 'POST' ? { body: { tenant: 'acme', period: 'day', limit_usd: -1 } } : {}),
      });
      expect({ path, status: response.status }).toEqual({ path, status: 403 });
    }
    expect(router.calls.length).toBe(before);
  });

  it('passes the router’s refusal on in the envelope', async () => {
    router.failNext = new RagfleetError('INVALID_ARGUMENT', 'limit refused', {
      details: { fields: [{ field: 'limit_usd', message: 'refused' }] },
    });
    const response = await call('POST', '/v1/admin/budgets', {
      body: { tenant: 'acme', period: 'day', limit_usd: 3 },
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error.code).toBe('INVALID_ARGUMENT');
  });

  it('answers 503 when the gateway has no router', async () => {
    const response = await call('GET', '/v1/admin/budgets?tenant=acme', { base: withoutRouterUrl });
    expect(response.status).toBe(503);
    expect(((await response.json()) as ErrorBody).error.code).toBe('SERVICE_UNAVAILABLE');
  });
});

const good = { tenant: 'acme', scope: 'key', id: 'key-u', period: 'day', limit_usd: 5 };
const badInput: Array<{ name: string; method: string; path: string; body?: unknown; field: string }> = [
  {
    name: 'a negative limit',
    method: 'POST',
    path: '',
    body: { ...good, limit_usd: -1 },
    field: 'body.limit_usd',
  },
  {
    name: 'NaN as a string',
    method: 'POST',
    path: '',
    body: { ...good, limit_usd: 'NaN' },
    field: 'body.limit_usd',
  },
  {
    name: 'an absurd limit',
    method: 'POST',
    path: '',
    body: { ...good, limit_usd: 1e10 },
    field: 'body.limit_usd',
  },
  {
    name: 'a limit JSON reads as Infinity',
    method: 'POST',
    path: '',
    body: JSON.stringify(good).replace('"limit_usd":5', '"limit_usd":1e400'),
    field: 'body.limit_usd',
  },
  {
    name: 'no limit',
    method: 'POST',
    path: '',
    body: { tenant: 'acme', period: 'day' },
    field: 'body.limit_usd',
  },
  {
    name: 'an unknown period',
    method: 'POST',
    path: '',
    body: { ...good, period: 'week' },
    field: 'body.period',
  },
  {
    name: 'an unknown scope',
    method: 'POST',
    path: '',
    body: { ...good, scope: 'team' },
    field: 'body.scope',
  },
  { name: 'no tenant', method: 'POST', path: '', body: { ...good, tenant: undefined }, field: 'body.tenant' },
  { name: 'a bad tenant', method: 'POST', path: '', body: { ...good, tenant: 'a b' }, field: 'body.tenant' },
  {
    name: 'a key without its id',
    method: 'POST',
    path: '',
    body: { ...good, id: undefined },
    field: 'body.id',
  },
  {
    name: 'a tenant budget with an id',
    method: 'POST',
    path: '',
    body: { ...good, scope: 'tenant' },
    field: 'body.id',
  },
  {
    name: 'an unknown field',
    method: 'POST',
    path: '',
    body: { ...good, currency: 'EUR' },
    field: 'body.currency',
  },
  { name: 'list without a tenant', method: 'GET', path: '', field: 'query.tenant' },
  { name: 'list with a bad tenant', method: 'GET', path: '?tenant=a%20b', field: 'query.tenant' },
  { name: 'delete naming nothing', method: 'DELETE', path: '', field: 'query.tenant' },
  { name: 'delete without a period', method: 'DELETE', path: '?tenant=acme', field: 'query.period' },
  {
    name: 'delete with an unknown period',
    method: 'DELETE',
    path: '?tenant=acme&period=year',
    field: 'query.period',
  },
  {
    name: 'delete a user budget without the user',
    method: 'DELETE',
    path: '',
    body: { tenant: 'acme', scope: 'user', period: 'day' },
    field: 'body.id',
  },
  {
    name: 'delete named in both the query and the body',
    method: 'DELETE',
    path: '?tenant=acme&period=day',
    body: { tenant: 'acme', period: 'month' },
    field: 'body',
  },
  { name: 'delete with a JSON array', method: 'DELETE', path: '', body: '[1]', field: 'body' },
];

describe('/v1/admin/budgets refuses bad input before calling the router', () => {
  it.each(badInput.map((row) => [`${row.method}: ${row.name}`, row] as const))('%s', async (_label, row) => {
    const before = router.calls.length;
    const response = await call(row.method, `/v1/admin/budgets${row.path}`, { body: row.body });
    const body = (await response.json()) as ErrorBody;
    expect({ status: response.status, code: body.error.code }).toEqual({
      status: 400,
      code: 'INVALID_ARGUMENT',
    });
    expect(body.error.details?.fields?.map((problem) => problem.field)).toContain(row.field);
    expect(router.calls.length).toBe(before);
  });
});
