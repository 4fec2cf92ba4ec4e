import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RetrieveClient, SessionClient } from '@ragfleet/grpc';
import { loadGatewayConfig } from '../src/config.ts';
import { upstreamReadiness } from '../src/readiness.ts';
import { postJson, startTestGateway, type TestGateway } from './support/start-gateway.ts';

let gateway: TestGateway;

beforeAll(async () => {
  gateway = await startTestGateway();
});

afterAll(async () => {
  await gateway.stop();
});

const doc = (id: string, text: string) => ({ id, text, title: `Title ${id}`, metadata: { lang: 'en' } });

describe('documents and jobs', () => {
  it('accepts a batch with 202 and a job id, and forwards documents upstream', async () => {
    const response = await postJson(`${gateway.url}/v1/documents`, {
      documents: [doc('a.md', 'alpha text')],
    });
    expect(response.status).toBe(202);
    const body = (await response.json()) as { job: Record<string, unknown> };
    expect(body.job).toMatchObject({
      state: 'queued',
      document_ids: ['a.md'],
      documents_total: 1,
      documents_done: 0,
    });
    expect(response.headers.get('location')).toBe(`/v1/jobs/${String(body.job.id)}`);
    expect(gateway.upstreams.lastCall('IngestDocuments')?.request).toMatchObject({
      documents: [{ id: 'a.md', text: 'alpha text', title: 'Title a.md', metadata: { lang: 'en' } }],
    });
  });

  it('accepts a single document object too', async () => {
    const response = await postJson(`${gateway.url}/v1/documents`, { id: 'single', text: 'one document' });
    expect(response.status).toBe(202);
    expect(gateway.upstreams.lastCall('IngestDocuments')?.request).toMatchObject({
      documents: [{ id: 'single', text: 'one document', title: '' }],
    });
  });

  it('waits for the job with ?wait=true and answers 200 with the finished job', async () => {
    const response = await postJson(`${gateway.url}/v1/documents?wait=true`, {
      documents: [doc('b.md', 'beta')],
    });
    expect(response.status).toBe(200);
    const { job } = (await response.json()) as { job: Record<string, unknown> };
    expect(job).toMatchObject({
      state: 'succeeded',
      documents_done: 1,
      chunks_indexed: 3,
      error: null,
      error_code: null,
    });
  });

  it('answers 202 with the running job when the wait times out', async () => {
    const started = Date.now();
    const response = await postJson(`${gateway.url}/v1/documents?wait=true&timeout_ms=300`, {
      documents: [doc('slow-1', 'takes forever')],
    });
    expect(response.status).toBe(202);
    expect(((await response.json()) as { job: { state: string } }).job.state).toBe('running');
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  it('reads a job, a document, and deletes it (ids with slashes travel encoded)', async () => {
    const created = await postJson(`${gateway.url}/v1/documents`, { documents: [doc('docs/c.md', 'gamma')] });
    const { job } = (await created.json()) as { job: { id: string } };
    const jobResponse = await fetch(`${gateway.url}/v1/jobs/${job.id}`);
    expect(jobResponse.status).toBe(200);
    expect(await jobResponse.json()).toMatchObject({ job: { id: job.id, state: 'running' } });

    const path = `${gateway.url}/v1/documents/${encodeURIComponent('docs/c.md')}`;
    const read = await fetch(path);
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual({
      document: {
        id: 'docs/c.md',
        title: 'Title docs/c.md',
        metadata: { lang: 'en' },
        chunk_count: 3,
        length: 5,
        updated_at: '2026-01-01T00:00:00.000Z',
      },
    });
    const deleted = await fetch(path, { method: 'DELETE' });
    expect(deleted.status).toBe(200);
    expect(await deleted.json()).toEqual({ deleted: true, id: 'docs/c.md', chunks_removed: 3 });
    const again = await fetch(path, { method: 'DELETE' });
    expect(again.status).toBe(404);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    const gone = await fetch(path);
    expect(gone.status).toBe(404);
  });

  it('returns the text with ?include=text, and only then', async () => {
    await postJson(`${gateway.url}/v1/documents`, { documents: [doc('with-text', 'the whole text')] });
    const plain = (await (await fetch(`${gateway.url}/v1/documents/with-text`)).json()) as {
      document: Record<string, unknown>;
    };
    expect(plain.document).not.toHaveProperty('text');
    expect(gateway.upstreams.lastCall('GetDocument')?.request).toMatchObject({ includeText: false });
    const full = await fetch(`${gateway.url}/v1/documents/with-text?include=text`);
    expect(full.status).toBe(200);
    expect(((await full.json()) as { document: { text: string } }).document.text).toBe('the whole text');
    expect(gateway.upstreams.lastCall('GetDocument')?.request).toMatchObject({ includeText: true });
    const wrong = await fetch(`${gateway.url}/v1/documents/with-text?include=chunks`);
    expect(wrong.status).toBe(400);
  });

  it('names a field retrieve refused the way the gateway names its own', async () => {
    const response = await postJson(`${gateway.url}/v1/documents`, {
      documents: [doc('upstream-invalid-doc', 'text')],
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { details: unknown } }).error.details).toEqual({
      fields: [{ field: 'body.documents.0.title', message: 'at most 1000 characters' }],
    });
  });

  it('says a document is missing in the same words whether read or deleted', async () => {
    const path = `${gateway.url}/v1/documents/${encodeURIComponent('never/was.md')}`;
    const read = (await (await fetch(path)).json()) as { error: Record<string, unknown> };
    const deleted = (await (await fetch(path, { method: 'DELETE' })).json()) as {
      error: Record<string, unknown>;
    };
    const expected = {
      code: 'NOT_FOUND',
      message: 'Document "never/was.md" does not exist.',
      details: { fields: [{ field: 'path.id', message: 'does not exist' }] },
    };
    expect(read.error).toMatchObject(expected);
    expect(deleted.error).toMatchObject(expected);
  });

  it('maps an upstream NOT_FOUND through the error table', async () => {
    const response = await fetch(`${gateway.url}/v1/jobs/no-such-job`);
    expect(response.status).toBe(404);
    const body = (await response.json()) as { error: Record<string, unknown> };
    expect(body.error).toMatchObject({
      code: 'NOT_FOUND',
      message: 'Job "no-such-job" does not exist.',
      retryable: false,
      request_id: response.headers.get('x-request-id'),
    });
  });
});

describe('search', () => {
  it('returns snake_case hits', async () => {
    await postJson(`${gateway.url}/v1/documents`, { documents: [doc('s1', 'the quick brown fox')] });
    const response = await postJson(`${gateway.url}/v1/search`, {
      query: 'quick brown',
      k: 5,
      filter: { metadata: { lang: 'en' } },
    });
    expect(response.status).toBe(200);
    const { hits } = (await response.json()) as { hits: Array<Record<string, unknown>> };
    expect(hits).toEqual([
      {
        chunk_id: 's1#0',
        document_id: 's1',
        title: 'Title s1',
        text: 'the quick brown fox',
        score: 1,
        start: 0,
        end: 19,
        metadata: { lang: 'en' },
      },
    ]);
    expect(gateway.upstreams.lastCall('Search')?.request).toMatchObject({
      query: 'quick brown',
      k: 5,
      filters: { lang: 'en' },
    });
  });

  it('sends filter.metadata as exact matches and the other conditions as the structured filter', async () => {
    const response = await postJson(`${gateway.url}/v1/search`, {
      query: 'quick',
      filter: { metadata: { lang: 'en' }, tags: ['a', 'b'], published_from: '2026-01-01T00:00:00Z' },
    });
    expect(response.status).toBe(200);
    expect(gateway.upstreams.lastCall('Search')?.request).toMatchObject({
      filters: { lang: 'en' },
      filter: { tags: ['a', 'b'], publishedFrom: '2026-01-01T00:00:00Z', lang: '', documentIds: [] },
    });
  });

  it("answers 500 INTERNAL, not 401, when a service refuses the gateway's own service token", async () => {
    const response = await postJson(`${gateway.url}/v1/search`, { query: 'upstream-unauthenticated' });
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ error: { code: 'INTERNAL', message: 'Internal error' } });
  });

  it('passes an upstream INVALID_ARGUMENT on as a 400, its field in the one details.fields shape', async () => {
    const response = await postJson(`${gateway.url}/v1/search`, { query: 'upstream-invalid' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: {
        code: 'INVALID_ARGUMENT',
        message: 'filter.published_to: must not be before filter.published_from',
        details: {
          fields: [
            { field: 'body.filter.published_to', message: 'must not be before filter.published_from' },
          ],
        },
      },
    });
  });
});

describe('identity and tracing headers', () => {
  it('carries the tenant and request id upstream and echoes the request id', async () => {
    const response = await postJson(
      `${gateway.url}/v1/search`,
      { query: 'fox' },
      {
        'x-tenant-id': 'acme_co-1',
        'x-request-id': 'req-from-client-42',
      },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('req-from-client-42');
    expect(gateway.upstreams.lastCall('Search')).toMatchObject({
      tenant: 'acme_co-1',
      requestId: 'req-from-client-42',
    });
  });

  it('uses the default tenant and a fresh request id when none (or a bad one) is given', async () => {
    const response = await postJson(
      `${gateway.url}/v1/search`,
      { query: 'fox' },
      { 'x-request-id': 'bad id with spaces' },
    );
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(gateway.upstreams.lastCall('Search')).toMatchObject({ tenant: 'default', requestId });
  });

  it('gives anonymous development callers the tier the OpenAPI document states (free)', async () => {
    await postJson(`${gateway.url}/v1/rag`, { query: 'what is alpha?' });
    expect(gateway.upstreams.lastCall('Answer')?.tier).toBe('free');
    expect(loadGatewayConfig({}).GATEWAY_ANONYMOUS_TIER).toBe('free');
    const document = (await (await fetch(`${gateway.url}/v1/openapi.json`)).json()) as {
      components: { schemas: { RagRequest: { properties: { tier: { description: string } } } } };
    };
    expect(document.components.schemas.RagRequest.properties.tier.description).toContain(
      'anonymous development callers: GATEWAY_ANONYMOUS_TIER, `free` unless set',
    );
  });

  it('scopes documents by tenant', async () => {
    await postJson(
      `${gateway.url}/v1/documents`,
      { documents: [doc('private', 'secret')] },
      { 'x-tenant-id': 'tenant-a' },
    );
    const other = await fetch(`${gateway.url}/v1/documents/private`, {
      headers: { 'x-tenant-id': 'tenant-b' },
    });
    expect(other.status).toBe(404);
    const own = await fetch(`${gateway.url}/v1/documents/private`, {
      headers: { 'x-tenant-id': 'tenant-a' },
    });
    expect(own.status).toBe(200);
  });
});

describe('probes and metrics', () => {
  it('reports alive and ready when the upstreams answer', async () => {
    expect((await fetch(`${gateway.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${gateway.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ready',
      checks: { process: 'ok', retrieve: 'ok', generate: 'ok' },
    });
  });

  it('is not ready when an upstream is unreachable or the process is stopping', async () => {
    const nowhere = new RetrieveClient('127.0.0.1:1');
    const readiness = upstreamReadiness({ retrieve: nowhere.grpc.raw }, () => false, 200);
    expect(await readiness()).toEqual({
      ready: false,
      checks: { process: 'shutting_down', retrieve: 'unreachable' },
    });
    nowhere.close();
  });

  it('reports an unreachable session service without going unready: only conversations need it', async () => {
    const nowhere = new SessionClient('127.0.0.1:1');
    const readiness = upstreamReadiness({}, () => true, 200, { session: nowhere.grpc.raw });
    expect(await readiness()).toEqual({ ready: true, checks: { process: 'ok', session: 'unreachable' } });
    nowhere.close();
  });

  it('reads SESSION_ADDR, 127.0.0.1:7055 by default', () => {
    expect(loadGatewayConfig({}).SESSION_ADDR).toBe('127.0.0.1:7055');
    expect(loadGatewayConfig({ SESSION_ADDR: 'session:7055' }).SESSION_ADDR).toBe('session:7055');
  });

  it('counts requests by route pattern, method and status', async () => {
    await fetch(`${gateway.url}/v1/documents/${encodeURIComponent('never-there')}`);
    const text = await gateway.metrics();
    expect(text).toMatch(
      /ragfleet_gateway_requests_total\{[^}]*route="\/v1\/documents\/:id",method="GET",status="404"[^}]*\} [1-9]/,
    );
    expect(text).toMatch(
      /ragfleet_gateway_request_duration_seconds_count\{[^}]*route="\/v1\/search"[^}]*\} [1-9]/,
    );
    expect(text).not.toContain('never-there');
  });
});
