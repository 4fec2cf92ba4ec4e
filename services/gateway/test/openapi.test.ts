import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Validator } from '@seriousme/openapi-schema-validator';
import { ERROR_CODES } from '@ragfleet/errors';
import type { RetrieveV1 } from '@ragfleet/protos';
import { createLogger, createMetricsRegistry } from '@ragfleet/telemetry';
import { Admission } from '../src/admission/admission.ts';
import { createApp } from '../src/app.ts';
import { Authenticator } from '../src/auth/authenticator.ts';
import { KeyDirectory } from '../src/auth/key-directory.ts';
import { MemoryKeyStore } from '../src/auth/memory-key-store.ts';
import * as schemas from '../src/openapi/response-schemas.ts';
import * as sessionSchemas from '../src/openapi/session-schemas.ts';
import { messageJson, statsJson } from '../src/session-json.ts';
import { versionJson } from '../src/routes/index-versions.ts';
import type { RetrieveUpstream } from '../src/upstreams.ts';
import { ndjsonLines, postJson, startTestGateway, type TestGateway } from './support/start-gateway.ts';
import { conforms } from './support/response-checks.ts';

let gateway: TestGateway;

type JsonObject = Record<string, unknown>;

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** Every path and method the Express app routes, read from its router (`:id` as `{id}`). */
function servedRoutes(): Array<{ path: string; methods: string[] }> {
  const app = createApp({
    retrieve: {} as never,
    generate: {} as never,
    logger: createLogger('gateway', 'silent'),
    registry: createMetricsRegistry('gateway'),
    readiness: async () => ({ ready: true, checks: {} }),
    bodyLimit: '1kb',
  }) as unknown as { router: { stack: Layer[] } };
  const routes: Array<{ path: string; methods: string[] }> = [];
  const visit = (layers: Layer[]) => {
    for (const layer of layers) {
      if (layer.route) {
        const methods = Object.keys(layer.route.methods).filter((method) => method !== '_all');
        routes.push({ path: layer.route.path.replace(/:(\w+)/g, '{$1}'), methods });
      } else if (layer.handle?.stack) {
        visit(layer.handle.stack);
      }
    }
  };
  visit(app.router.stack);
  return routes;
}

beforeAll(async () => {
  gateway = await startTestGateway();
});

afterAll(async () => {
  await gateway.stop();
});

async function document(): Promise<Record<string, unknown>> {
  const response = await fetch(`${gateway.url}/v1/openapi.json`);
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

/**
 * Parses with the schema the OpenAPI document was generated from, failing with the issues. The
 * parse drops fields the schema does not know (the document says `additionalProperties: false`),
 * so comparing it with the value also catches an undocumented field.
 */
describe('GET /v1/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(await document());
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('documents every route the app serves, with the request schemas it validates with', async () => {
    const doc = (await document()) as {
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
    };
    const served = servedRoutes();
    expect(served.length).toBeGreaterThan(8);
    for (const { path, methods } of served) {
      const documented = Object.keys(doc.paths[path] ?? {}).filter((key) => key !== 'parameters');
      expect({ path, methods: documented.sort() }).toEqual({ path, methods: methods.sort() });
    }
    expect(Object.keys(doc.paths)).toContain('/v1/ws');
    const rag = doc.components.schemas.RagRequest;
    expect(Object.keys(rag?.properties ?? {}).sort()).toEqual(
      ['filter', 'filters', 'k', 'panel', 'prefer', 'prompt_version', 'query', 'stream', 'tier'].sort(),
    );
    expect(rag?.required).toEqual(['query']);
    expect(rag?.properties?.k).toMatchObject({ type: 'integer', minimum: 1, maximum: 100 });
  });

  it('documents the search options, the ingest chunking and key administration', async () => {
    const doc = (await document()) as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
      components: {
        schemas: Record<string, { properties?: Record<string, JsonObject>; required?: string[] }>;
      };
    };
    const { schemas: components } = doc.components;
    const search = components.SearchRequest?.properties ?? {};
    for (const field of [
      'mode',
      'fusion',
      'weights',
      'rrf_k',
      'rerank',
      'mmr_lambda',
      'candidates',
      'filter',
    ]) {
      expect({ field, description: typeof search[field]?.description }).toEqual({
        field,
        description: 'string',
      });
    }
    expect(search.mode).toMatchObject({ enum: ['vector', 'keyword', 'hybrid'] });
    expect(Object.keys(components.SearchResponse?.properties ?? {})).toEqual(
      expect.arrayContaining(['hits', 'mode', 'fusion', 'weights', 'rerank', 'candidates']),
    );
    expect(Object.keys(components.SearchHit?.properties ?? {})).toContain('scores');
    for (const body of ['IngestBatch', 'IngestDocument']) {
      expect(components[body]?.properties?.chunking).toMatchObject({
        enum: ['characters', 'sentences', 'markdown'],
      });
    }
    expect(components.NewApiKey?.required).toEqual(['tenant']);
    expect(doc.paths['/v1/admin/keys']?.post?.security).toEqual([{ bearerAuth: [] }, { apiKeyAuth: [] }]);
  });

  it('documents the experiment, shadow and rollout routes (admin only) and the panel of a question', async () => {
    const doc = (await document()) as {
      paths: Record<string, Record<string, { security?: unknown[]; responses?: Record<string, unknown> }>>;
      components: { schemas: Record<string, { properties?: Record<string, JsonObject> }> };
    };
    const admin: Array<[string, string, string]> = [
      ['/v1/admin/prompts', 'get', '200'],
      ['/v1/admin/experiments', 'post', '201'],
      ['/v1/admin/experiments', 'get', '200'],
      ['/v1/admin/experiments/{id}', 'get', '200'],
      ['/v1/admin/experiments/{id}/stop', 'post', '200'],
      ['/v1/admin/shadow', 'get', '200'],
      ['/v1/admin/rollouts', 'post', '201'],
      ['/v1/admin/rollouts', 'get', '200'],
      ['/v1/admin/rollouts/{id}', 'get', '200'],
      ['/v1/admin/rollouts/{id}/abort', 'post', '200'],
    ];
    for (const [path, method, status] of admin) {
      const operation = doc.paths[path]?.[method];
      expect({ path, method, security: operation?.security }).toEqual({
        path,
        method,
        security: [{ bearerAuth: [] }, { apiKeyAuth: [] }],
      });
      expect(Object.keys(operation?.responses ?? {})).toEqual(expect.arrayContaining([status, '401', '403']));
    }
    const { schemas: components } = doc.components;
    expect(components.NewExperiment?.properties?.metric).toMatchObject({
      enum: ['thumbs_up_rate', 'error_rate', 'cost_per_answer', 'latency'],
    });
    expect(components.RagRequest?.properties?.panel).toMatchObject({
      type: 'array',
      items: { enum: ['answer', 'risks', 'next_questions', 'decision'] },
    });
    const events = JSON.stringify(components.AnswerEvent);
    for (const type of ['specialist_done', 'panel_result']) expect(events).toContain(type);
    expect(Object.keys(components.Answer?.properties ?? {})).toEqual(
      expect.arrayContaining(['panel', 'answer_id', 'experiment_id', 'variant']),
    );
  });

  it('lists every error code, with its status and retryability', async () => {
    const doc = (await document()) as {
      'x-error-codes': Record<string, { http: number; retryable: boolean }>;
      components: { schemas: { ErrorEnvelope: unknown } };
    };
    expect(Object.keys(doc['x-error-codes']).sort()).toEqual(Object.keys(ERROR_CODES).sort());
    for (const [code, entry] of Object.entries(ERROR_CODES)) {
      expect(doc['x-error-codes'][code]).toMatchObject({ http: entry.http, retryable: entry.retryable });
    }
    expect(JSON.stringify(doc.components.schemas.ErrorEnvelope)).toContain('PROMPT_REJECTED');
  });
});

describe('responses match the documented schemas', () => {
  it('ingest, job, document, search, rag (JSON and NDJSON) and errors', async () => {
    const ingest = await postJson(`${gateway.url}/v1/documents?wait=true`, {
      id: 'openapi-doc',
      text: 'alpha beta',
      metadata: { lang: 'en' },
    });
    const { job } = (await ingest.json()) as { job: unknown };
    conforms(schemas.jobJson, job);

    const documentResponse = await fetch(`${gateway.url}/v1/documents/openapi-doc`);
    conforms(schemas.documentJson, ((await documentResponse.json()) as { document: unknown }).document);

    const search = await postJson(`${gateway.url}/v1/search`, { query: 'alpha' });
    const searchResult = (await search.json()) as { hits: unknown[] };
    expect(searchResult.hits.length).toBeGreaterThan(0);
    conforms(schemas.searchResponse, searchResult);

    const answer = await postJson(`${gateway.url}/v1/rag`, { query: 'what is alpha?' });
    conforms(schemas.answerJson, await answer.json());

    const stream = await postJson(`${gateway.url}/v1/rag`, { query: 'what is alpha?', stream: true });
    if (!stream.body) throw new Error('no body');
    let events = 0;
    for await (const event of ndjsonLines(stream.body)) {
      conforms(schemas.answerEvent, event);
      events++;
    }
    expect(events).toBeGreaterThan(3);

    const missing = await fetch(`${gateway.url}/v1/jobs/nope`);
    expect(missing.status).toBe(404);
    conforms(schemas.errorEnvelope, await missing.json());

    const readiness = await fetch(`${gateway.url}/readyz`);
    conforms(schemas.readiness, await readiness.json());
  });

  it('sessions, messages, turns (JSON and NDJSON), a resume and the stats', async () => {
    const created = await postJson(`${gateway.url}/v1/sessions`, { title: 't', labels: ['a'] });
    const { session } = (await created.json()) as { session: { id: string } };
    conforms(sessionSchemas.sessionJson, session);
    conforms(sessionSchemas.sessionList, await (await fetch(`${gateway.url}/v1/sessions`)).json());
    conforms(
      sessionSchemas.sessionWithMessages,
      await (await fetch(`${gateway.url}/v1/sessions/${session.id}`)).json(),
    );
    const turns = `${gateway.url}/v1/sessions/${session.id}/turns`;
    conforms(sessionSchemas.turnAnswer, await (await postJson(turns, { message: 'alpha?' })).json());
    const stream = await postJson(turns, { message: 'alpha?', stream: true });
    const events: Array<{ turn_id?: string }> = [];
    for await (const event of ndjsonLines(stream.body as ReadableStream<Uint8Array>)) {
      conforms(sessionSchemas.turnEvent, event);
      events.push(event);
    }
    expect(events.length).toBeGreaterThan(3);
    const resumed = await fetch(`${turns}/${String(events[0]?.turn_id)}/events?after=1`);
    for await (const event of ndjsonLines(resumed.body as ReadableStream<Uint8Array>)) {
      conforms(sessionSchemas.turnEvent, event);
    }
    conforms(sessionSchemas.turnEvent, {
      type: 'error',
      seq: 0,
      error: {
        code: 'PROVIDER_FAILED',
        message: 'm',
        retryable: true,
        attempts: 0,
        fallback_suggestions: [],
      },
    });
    conforms(
      sessionSchemas.messageJson,
      messageJson({
        id: '2',
        role: 'ROLE_ASSISTANT',
        text: 'Hello [1]',
        citations: [
          { index: 1, documentId: 'd', chunkId: 'd#0', title: 'D', text: '', score: 0, start: 0, end: 0 },
        ],
        promptVersion: 'v1',
        model: 'm',
        provider: 'p',
        turnId: 't',
        status: 'TURN_STATUS_FAILED',
        errorCode: 'PROVIDER_FAILED',
        createdAt: '2026-01-01T00:00:00.000Z',
      }),
    );
    conforms(
      sessionSchemas.sessionStats,
      statsJson({ activeSessions: '4', messagesLastHour: '9', turnsPerMinute: 0.5, summariesLastHour: '0' }),
    );
    const missing = await fetch(`${gateway.url}/v1/sessions/nope`);
    expect(missing.status).toBe(404);
    conforms(schemas.errorEnvelope, await missing.json());
  });

  it('an index version, as the index-version routes render it', () => {
    const version: RetrieveV1.IndexVersion__Output = {
      id: 2,
      model: 'bge-small',
      state: 'ready',
      chunking: { strategy: 'sentences', size: 400, overlap: 40, sentences: 3, sentenceOverlap: 1 },
      createdAt: '2026-01-01T00:00:00.000Z',
      documentsDone: 7,
      documentsTotal: 7,
      chunks: 21,
      error: '',
    };
    conforms(schemas.indexVersionJson, versionJson(version));
    conforms(schemas.indexVersionJson, versionJson({ ...version, chunking: null }));
    conforms(schemas.indexVersionJson, versionJson(null));
  });

  it('every response carries X-API-Version, errors and probes included', async () => {
    for (const path of ['/healthz', '/v1/openapi.json', '/v1/nowhere', '/v1/jobs/nope']) {
      const response = await fetch(`${gateway.url}${path}`);
      expect(response.headers.get('x-api-version')).toBe('1');
    }
  });
});

const ADMIN_TOKEN = 'admin-token-for-openapi-tests-0123456789';

/** A retrieve that reports how it ranked, as a hybrid-capable one does. */
const hybridRetrieve = {
  search: async (): Promise<RetrieveV1.SearchResponse__Output> => ({
    hits: [
      {
        chunkId: 'doc-h#0',
        documentId: 'doc-h',
        title: 'Hybrid',
        text: 'alpha',
        score: 0.5,
        start: 0,
        end: 5,
        metadata: {},
        vectorScore: 0.8,
        vectorRank: 1,
        keywordScore: 0,
        keywordRank: 0,
        fusedScore: 0.5,
      },
    ],
    mode: 'hybrid',
    fusion: 'rrf',
    weights: { vector: 0.5, keyword: 0.5 },
    rrfK: 60,
    rerank: 'none',
    mmrLambda: 0.7,
    candidates: 50,
  }),
} as unknown as RetrieveUpstream;

describe('responses of a hybrid retrieve and of key administration match the documented schemas', () => {
  let server: Server;
  let url: string;

  beforeAll(async () => {
    const app = createApp({
      retrieve: hybridRetrieve,
      generate: {} as never,
      logger: createLogger('gateway', 'silent'),
      registry: createMetricsRegistry('gateway'),
      readiness: async () => ({ ready: true, checks: {} }),
      bodyLimit: '64kb',
      admission: new Admission({
        auth: new Authenticator({
          keys: new KeyDirectory({ fileKeys: [], store: new MemoryKeyStore(), cacheMs: 0 }),
          adminToken: ADMIN_TOKEN,
          anonymousTier: 'premium',
        }),
      }),
    });
    server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('creating and revoking a key, and a search with per-hit scores and the settings used', async () => {
    const created = await postJson(
      `${url}/v1/admin/keys`,
      { tenant: 'tenant-o', tier: 'standard', scopes: ['search'] },
      { authorization: `Bearer ${ADMIN_TOKEN}` },
    );
    expect(created.status).toBe(201);
    const body = (await created.json()) as { key: string; api_key: { id: string } };
    conforms(schemas.createdKey, body);

    const search = await postJson(
      `${url}/v1/search`,
      { query: 'alpha', mode: 'hybrid' },
      { authorization: `Bearer ${body.key}` },
    );
    expect(search.status).toBe(200);
    const result = (await search.json()) as { hits: Array<{ scores?: unknown }>; mode?: string };
    conforms(schemas.searchResponse, result);
    expect(result.mode).toBe('hybrid');
    expect(result.hits[0]?.scores).toBeDefined();

    const revoked = await fetch(`${url}/v1/admin/keys/${encodeURIComponent(body.api_key.id)}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(revoked.status).toBe(200);
    conforms(schemas.revokedKey, await revoked.json());
  });
});
