import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import express from 'express';
import { GenerateClient } from '@ragfleet/grpc';
import { createLogger, createMetricsRegistry } from '@ragfleet/telemetry';
import { waitFor } from '@ragfleet/testing';
import { Admission } from '../src/admission/admission.ts';
import { hashApiKey } from '../src/auth/api-keys.ts';
import { Authenticator } from '../src/auth/authenticator.ts';
import { KeyDirectory } from '../src/auth/key-directory.ts';
import type { ApiKeyRecord } from '../src/auth/key-record.ts';
import { MemoryKeyStore } from '../src/auth/memory-key-store.ts';
import { PromptGuard } from '../src/guard/prompt-guard.ts';
import { errorHandler } from '../src/http/errors.ts';
import { createGatewayMetrics } from '../src/http/metrics.ts';
import { registerRoutes } from '../src/http/register-routes.ts';
import { MemoryQuestionCounts } from '../src/popular/memory-question-counts.ts';
import { PopularQuestions, WARM_HEADER } from '../src/popular/popular-questions.ts';
import { popularQuestionRoutes, POPULAR_QUESTIONS_PATH } from '../src/routes/popular-questions.ts';
import { ragRoutes } from '../src/routes/rag.ts';
import type { RouteKit } from '../src/routes/route-kit.ts';
import { FakeUpstreams } from './support/fake-upstreams.ts';

/**
 * The counts through HTTP: /v1/rag (real gRPC to a fake generate, behind the real admission with
 * API keys) counts each question for the caller's tenant, and GET /v1/admin/questions/top lists
 * them to an admin.
 */
const KEYS = { adminA: 'rf_popular_admin_a', userA: 'rf_popular_user_a', userB: 'rf_popular_user_b' };

function key(id: string, secret: string, fields: Partial<ApiKeyRecord>): ApiKeyRecord {
  return {
    id,
    hash: hashApiKey(secret),
    tenant: 'tenant-a',
    user: id,
    tier: 'free',
    scopes: ['*'],
    ...fields,
  };
}

let upstreams: FakeUpstreams;
let generate: GenerateClient;
let server: Server;
let url: string;
let bareUrl: string;
let bareServer: Server;

function serve(kit: RouteKit, admission: Admission): Promise<[Server, string]> {
  const app = express();
  app.set('query parser', 'simple');
  const routes = [...ragRoutes(kit), ...popularQuestionRoutes(kit)];
  app.use(registerRoutes(routes, { admission, bodyLimitBytes: 64 * 1024 }));
  app.use(errorHandler(kit.logger));
  const listening = createServer(app);
  return new Promise((resolve) =>
    listening.listen(0, '127.0.0.1', () =>
      resolve([listening, `http://127.0.0.1:${(listening.address() as AddressInfo).port}`]),
    ),
  );
}

beforeAll(async () => {
  upstreams = new FakeUpstreams();
  generate = new GenerateClient(await upstreams.start());
  const logger = createLogger('gateway', 'silent');
  const registry = createMetricsRegistry('gateway');
  const admission = new Admission({
    auth: new Authenticator({
      keys: new KeyDirectory({
        fileKeys: [
          key('admin-a', KEYS.adminA, { scopes: ['admin'] }),
          key('user-a', KEYS.userA, {}),
          key('user-b', KEYS.userB, { tenant: 'tenant-b' }),
        ],
        store: new MemoryKeyStore(),
        cacheMs: 0,
      }),
      anonymousTier: 'free',
    }),
  });
  const counts = new MemoryQuestionCounts({ halfLifeSeconds: 86_400, maxQuestions: 100 });
  const kit = {
    generate,
    metrics: createGatewayMetrics(registry),
    logger,
    streamIdleMs: 5_000,
    promptGuard: new PromptGuard({ mode: 'flag', logger, registry }),
  } as unknown as RouteKit;
  const popularQuestions = new PopularQuestions(counts, { halfLifeSeconds: 86_400, logger });
  [server, url] = await serve({ ...kit, popularQuestions }, admission);
  [bareServer, bareUrl] = await serve(kit, admission);
});

afterAll(async () => {
  for (const listening of [server, bareServer]) {
    listening?.closeAllConnections();
    await new Promise<void>((resolve) => (listening ? listening.close(() => resolve()) : resolve()));
  }
  generate?.close();
  await upstreams?.stop();
});

const ask = (query: string, apiKey: string, headers: Record<string, string> = {}) =>
  fetch(`${url}/v1/rag`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}`, ...headers },
    body: JSON.stringify({ query }),
  }).then(async (response) => {
    expect(response.status).toBe(200);
    await response.json();
  });

interface TopBody {
  tenant?: string;
  half_life_seconds?: number;
  questions?: Array<{ question: string; score: number }>;
  error?: { code: string; details: { fields: Array<{ field: string }> } };
}

const top = async (query: string, apiKey = KEYS.adminA, base = url) => {
  const response = await fetch(`${base}${POPULAR_QUESTIONS_PATH}${query}`, {
    headers: { authorization: `Bearer ${apiKey}` },
  });
  return { status: response.status, body: (await response.json()) as TopBody };
};

const questions = (body: TopBody) =>
  (body.questions ?? []).map(({ question, score }) => [question, Math.round(score * 1000) / 1000]);

describe('GET /v1/admin/questions/top', () => {
  it("lists the tenant's most asked questions, normalized, with decayed scores; warm replays are not counted", async () => {
    await ask('What is LIFT?', KEYS.userA);
    await ask('  what is   lift? ', KEYS.userA);
    await ask('what is lift?', KEYS.userA, { [WARM_HEADER]: '1' });
    await ask('What is drag?', KEYS.userA);
    await ask('What is thrust?', KEYS.userB);
    await waitFor(async () => (await top('')).body.questions?.length === 2, 5_000);

    const listed = await top('');
    expect(listed.status).toBe(200);
    expect(listed.body.tenant).toBe('tenant-a');
    expect(listed.body.half_life_seconds).toBe(86_400);
    expect(questions(listed.body)).toEqual([
      ['what is lift?', 2],
      ['what is drag?', 1],
    ]);
    expect(questions((await top('?limit=1')).body)).toEqual([['what is lift?', 2]]);
    // An admin names another tenant, as the key routes let it create keys for one.
    expect(questions((await top('?tenant=tenant-b')).body)).toEqual([['what is thrust?', 1]]);
    expect((await top('?tenant=nobody')).body.questions).toEqual([]);
  });

  it('is for admins only', async () => {
    const refused = await top('', KEYS.userA);
    expect(refused.status).toBe(403);
    expect(refused.body.error?.code).toBe('PERMISSION_DENIED');
    expect((await top('', 'rf_not_a_key')).status).toBe(401);
  });

  it.each([
    ['?limit=0', 'query.limit'],
    ['?limit=1001', 'query.limit'],
    ['?limit=ten', 'query.limit'],
    ['?limit=2.5', 'query.limit'],
    ['?tenant=a%20b', 'query.tenant'],
  ])('refuses %s with INVALID_ARGUMENT naming %s', async (query, field) => {
    const refused = await top(query);
    expect(refused.status).toBe(400);
    expect(refused.body.error?.code).toBe('INVALID_ARGUMENT');
    expect(refused.body.error?.details.fields.map((problem) => problem.field)).toContain(field);
  });

  it('answers SERVICE_UNAVAILABLE from a gateway assembled without counts', async () => {
    const unavailable = await top('', KEYS.adminA, bareUrl);
    expect(unavailable.status).toBe(503);
    expect(unavailable.body.error?.code).toBe('SERVICE_UNAVAILABLE');
  });
});
