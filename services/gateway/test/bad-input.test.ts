import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ERROR_CODES, type ErrorCode } from '@ragfleet/errors';
import { MAX_MESSAGE_CHARS } from '../src/routes/session-turns.ts';
import {
  TEST_BODY_LIMIT_BYTES,
  postJson,
  startTestGateway,
  type TestGateway,
} from './support/start-gateway.ts';

let gateway: TestGateway;
/** The session the wrong-owner test created, whose lookups may reach the session service. */
let wrongOwnerSession = '';

beforeAll(async () => {
  gateway = await startTestGateway();
});

afterAll(async () => {
  await gateway.stop();
});

interface BadCase {
  name: string;
  method: string;
  path: string;
  /** A string is sent as-is; anything else as JSON. */
  body?: unknown;
  headers?: Record<string, string>;
  code: ErrorCode;
  /** A field the error details must name. */
  field?: string;
}

const JSON_ROUTES = ['/v1/documents', '/v1/search', '/v1/rag', '/v1/sessions/s-1/turns'];
const oversized = JSON.stringify({ query: 'x'.repeat(TEST_BODY_LIMIT_BYTES + 10) });

/* Problems every JSON route must refuse the same way. */
const commonJsonCases: BadCase[] = JSON_ROUTES.flatMap((path): BadCase[] => [
  { name: 'malformed JSON', method: 'POST', path, body: '{"query": ', code: 'INVALID_ARGUMENT' },
  {
    name: 'a JSON string instead of an object',
    method: 'POST',
    path,
    body: '"hello"',
    code: 'INVALID_ARGUMENT',
  },
  {
    name: 'a JSON array instead of an object',
    method: 'POST',
    path,
    body: '[1,2]',
    code: 'INVALID_ARGUMENT',
  },
  { name: 'null', method: 'POST', path, body: 'null', code: 'INVALID_ARGUMENT' },
  { name: 'an empty body', method: 'POST', path, body: '', code: 'INVALID_ARGUMENT' },
  { name: 'an empty object', method: 'POST', path, body: {}, code: 'INVALID_ARGUMENT' },
  { name: 'an oversized body', method: 'POST', path, body: oversized, code: 'PAYLOAD_TOO_LARGE' },
  {
    name: 'a text/plain body',
    method: 'POST',
    path,
    body: 'query=hello',
    headers: { 'content-type': 'text/plain' },
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  {
    name: 'a form body',
    method: 'POST',
    path,
    body: 'query=hello',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  {
    name: 'an unsupported charset',
    method: 'POST',
    path,
    body: '{}',
    headers: { 'content-type': 'application/json; charset=latin-9000' },
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  {
    name: 'an invalid tenant header',
    method: 'POST',
    path,
    body: { query: 'q', documents: [] },
    headers: { 'x-tenant-id': 'bad tenant!' },
    code: 'INVALID_ARGUMENT',
  },
]);

const doc = { id: 'a', text: 'alpha' };

const routeCases: BadCase[] = [
  // POST /v1/documents
  {
    name: 'documents not an array',
    method: 'POST',
    path: '/v1/documents',
    body: { documents: 'x' },
    code: 'INVALID_ARGUMENT',
    field: 'body.documents',
  },
  {
    name: 'no documents',
    method: 'POST',
    path: '/v1/documents',
    body: { documents: [] },
    code: 'INVALID_ARGUMENT',
    field: 'body.documents',
  },
  {
    name: 'numeric id',
    method: 'POST',
    path: '/v1/documents',
    body: { documents: [{ id: 1, text: 'a' }] },
    code: 'INVALID_ARGUMENT',
    field: 'body.documents.0.id',
  },
  {
    name: 'missing text',
    method: 'POST',
    path: '/v1/documents',
    body: { documents: [{ id: 'a' }] },
    code: 'INVALID_ARGUMENT',
    field: 'body.documents.0.text',
  },
  {
    name: 'blank text',
    method: 'POST',
    path: '/v1/documents',
    body: { documents: [{ id: 'a', text: '   ' }] },
    code: 'INVALID_ARGUMENT',
    field: 'body.documents.0.text',
  },
  {
    name: 'empty id',
    method: 'POST',
    path: '/v1/documents',
    body: { id: '', text: 'a' },
    code: 'INVALID_ARGUMENT',
    field: 'body.id',
  },
  {
    name: 'id with a control character',
    method: 'POST',
    path: '/v1/documents',
    body: { id: 'a\nb', text: 'a' },
    code: 'INVALID_ARGUMENT',
    field: 'body.id',
  },
  {
    name: 'numeric metadata value',
    method: 'POST',
    path: '/v1/documents',
    body: { ...doc, metadata: { year: 2020 } },
    code: 'INVALID_ARGUMENT',
    field: 'body.metadata.year',
  },
  {
    name: 'title not a string',
    method: 'POST',
    path: '/v1/documents',
    body: { ...doc, title: ['t'] },
    code: 'INVALID_ARGUMENT',
    field: 'body.title',
  },
  {
    name: 'unknown document field',
    method: 'POST',
    path: '/v1/documents',
    body: { documents: [{ ...doc, body: 'x' }] },
    code: 'INVALID_ARGUMENT',
    field: 'body.documents.0.body',
  },
  {
    name: 'duplicate ids',
    method: 'POST',
    path: '/v1/documents',
    body: { documents: [doc, doc] },
    code: 'INVALID_ARGUMENT',
    field: 'body.documents.1.id',
  },
  {
    name: 'bad wait flag',
    method: 'POST',
    path: '/v1/documents?wait=maybe',
    body: doc,
    code: 'INVALID_ARGUMENT',
    field: 'query.wait',
  },
  {
    name: 'negative timeout',
    method: 'POST',
    path: '/v1/documents?wait=true&timeout_ms=-5',
    body: doc,
    code: 'INVALID_ARGUMENT',
    field: 'query.timeout_ms',
  },
  {
    name: 'huge timeout',
    method: 'POST',
    path: '/v1/documents?wait=true&timeout_ms=999999999',
    body: doc,
    code: 'INVALID_ARGUMENT',
    field: 'query.timeout_ms',
  },
  {
    name: 'repeated query parameter',
    method: 'POST',
    path: '/v1/documents?wait=true&wait=false',
    body: doc,
    code: 'INVALID_ARGUMENT',
    field: 'query.wait',
  },
  // POST /v1/search
  {
    name: 'numeric query',
    method: 'POST',
    path: '/v1/search',
    body: { query: 5 },
    code: 'INVALID_ARGUMENT',
    field: 'body.query',
  },
  {
    name: 'blank query',
    method: 'POST',
    path: '/v1/search',
    body: { query: ' ' },
    code: 'INVALID_ARGUMENT',
    field: 'body.query',
  },
  {
    name: 'k zero',
    method: 'POST',
    path: '/v1/search',
    body: { query: 'q', k: 0 },
    code: 'INVALID_ARGUMENT',
    field: 'body.k',
  },
  {
    name: 'k fractional',
    method: 'POST',
    path: '/v1/search',
    body: { query: 'q', k: 1.5 },
    code: 'INVALID_ARGUMENT',
    field: 'body.k',
  },
  {
    name: 'k as string',
    method: 'POST',
    path: '/v1/search',
    body: { query: 'q', k: '10' },
    code: 'INVALID_ARGUMENT',
    field: 'body.k',
  },
  {
    name: 'k too large',
    method: 'POST',
    path: '/v1/search',
    body: { query: 'q', k: 10_000 },
    code: 'INVALID_ARGUMENT',
    field: 'body.k',
  },
  {
    name: 'filter metadata not a map of strings',
    method: 'POST',
    path: '/v1/search',
    body: { query: 'q', filter: { metadata: { a: 1 } } },
    code: 'INVALID_ARGUMENT',
    field: 'body.filter.metadata.a',
  },
  {
    name: 'filter as array',
    method: 'POST',
    path: '/v1/search',
    body: { query: 'q', filter: ['a'] },
    code: 'INVALID_ARGUMENT',
    field: 'body.filter',
  },
  {
    name: 'the old name filters on search',
    method: 'POST',
    path: '/v1/search',
    body: { query: 'q', filters: { lang: 'en' } },
    code: 'INVALID_ARGUMENT',
    field: 'body.filters',
  },
  {
    name: 'the old name filters on rag',
    method: 'POST',
    path: '/v1/rag',
    body: { query: 'q', filters: { lang: 'en' } },
    code: 'INVALID_ARGUMENT',
    field: 'body.filters',
  },
  {
    name: 'a filter condition answers cannot apply yet',
    method: 'POST',
    path: '/v1/rag',
    body: { query: 'q', filter: { tags: ['x'] } },
    code: 'INVALID_ARGUMENT',
    field: 'body.filter.tags',
  },
  {
    name: 'unknown search field',
    method: 'POST',
    path: '/v1/search',
    body: { query: 'q', topK: 3 },
    code: 'INVALID_ARGUMENT',
    field: 'body.topK',
  },
  // POST /v1/rag
  {
    name: 'missing query',
    method: 'POST',
    path: '/v1/rag',
    body: { k: 3 },
    code: 'INVALID_ARGUMENT',
    field: 'body.query',
  },
  {
    name: 'unknown tier',
    method: 'POST',
    path: '/v1/rag',
    body: { query: 'q', tier: 'gold' },
    code: 'INVALID_ARGUMENT',
    field: 'body.tier',
  },
  {
    name: 'stream as string',
    method: 'POST',
    path: '/v1/rag',
    body: { query: 'q', stream: 'yes' },
    code: 'INVALID_ARGUMENT',
    field: 'body.stream',
  },
  {
    name: 'prompt_version as number',
    method: 'POST',
    path: '/v1/rag',
    body: { query: 'q', prompt_version: 2 },
    code: 'INVALID_ARGUMENT',
    field: 'body.prompt_version',
  },
  {
    name: 'unknown prefer hint',
    method: 'POST',
    path: '/v1/rag',
    body: { query: 'q', prefer: 'cheapest' },
    code: 'INVALID_ARGUMENT',
    field: 'body.prefer',
  },
  {
    name: 'rag bad body on the NDJSON path',
    method: 'POST',
    path: '/v1/rag',
    body: { query: 7 },
    headers: { accept: 'application/x-ndjson' },
    code: 'INVALID_ARGUMENT',
    field: 'body.query',
  },
  // Sessions and their turns
  {
    name: 'an empty message',
    method: 'POST',
    path: '/v1/sessions/s-1/turns',
    body: { message: '' },
    code: 'INVALID_ARGUMENT',
    field: 'body.message',
  },
  {
    name: 'a blank message',
    method: 'POST',
    path: '/v1/sessions/s-1/turns',
    body: { message: ' \n\t ' },
    code: 'INVALID_ARGUMENT',
    field: 'body.message',
  },
  {
    name: 'a message over the message limit (within the body limit)',
    method: 'POST',
    path: '/v1/sessions/s-1/turns',
    body: { message: 'm'.repeat(MAX_MESSAGE_CHARS + 1) },
    code: 'INVALID_ARGUMENT',
    field: 'body.message',
  },
  {
    name: 'a 1 MB message',
    method: 'POST',
    path: '/v1/sessions/s-1/turns',
    body: { message: 'm'.repeat(1024 * 1024) },
    code: 'PAYLOAD_TOO_LARGE',
  },
  {
    name: 'a message not a string',
    method: 'POST',
    path: '/v1/sessions/s-1/turns',
    body: { message: ['hi'] },
    code: 'INVALID_ARGUMENT',
    field: 'body.message',
  },
  {
    name: 'a turn with query instead of message',
    method: 'POST',
    path: '/v1/sessions/s-1/turns',
    body: { query: 'hi' },
    code: 'INVALID_ARGUMENT',
    field: 'body.query',
  },
  {
    name: 'a turn filter answers cannot apply',
    method: 'POST',
    path: '/v1/sessions/s-1/turns',
    body: { message: 'hi', filter: { published_from: '2020-01-01T00:00:00Z' } },
    code: 'INVALID_ARGUMENT',
    field: 'body.filter.published_from',
  },
  {
    name: 'a session title too long',
    method: 'POST',
    path: '/v1/sessions',
    body: { title: 't'.repeat(201) },
    code: 'INVALID_ARGUMENT',
    field: 'body.title',
  },
  {
    name: 'labels not an array',
    method: 'POST',
    path: '/v1/sessions',
    body: { labels: 'support' },
    code: 'INVALID_ARGUMENT',
    field: 'body.labels',
  },
  {
    name: 'an unknown session field',
    method: 'POST',
    path: '/v1/sessions',
    body: { owner: 'someone-else' },
    code: 'INVALID_ARGUMENT',
    field: 'body.owner',
  },
  {
    name: 'a session body that is an array',
    method: 'POST',
    path: '/v1/sessions',
    body: '[]',
    code: 'INVALID_ARGUMENT',
  },
  {
    name: 'a list limit of 0',
    method: 'GET',
    path: '/v1/sessions?limit=0',
    code: 'INVALID_ARGUMENT',
    field: 'query.limit',
  },
  {
    name: 'a list limit over 200',
    method: 'GET',
    path: '/v1/sessions?limit=201',
    code: 'INVALID_ARGUMENT',
    field: 'query.limit',
  },
  {
    name: 'a message page limit not a number',
    method: 'GET',
    path: '/v1/sessions/s-1?limit=many',
    code: 'INVALID_ARGUMENT',
    field: 'query.limit',
  },
  {
    name: 'a session id with a control character',
    method: 'GET',
    path: '/v1/sessions/a%00b',
    code: 'INVALID_ARGUMENT',
    field: 'path.id',
  },
  {
    name: 'a negative resume offset',
    method: 'GET',
    path: '/v1/sessions/s-1/turns/t-1/events?after=-1',
    code: 'INVALID_ARGUMENT',
    field: 'query.after',
  },
  {
    name: 'a fractional resume offset',
    method: 'GET',
    path: '/v1/sessions/s-1/turns/t-1/events?after=2.5',
    code: 'INVALID_ARGUMENT',
    field: 'query.after',
  },
  {
    name: 'a resume offset not a number',
    method: 'GET',
    path: '/v1/sessions/s-1/turns/t-1/events?after=last',
    code: 'INVALID_ARGUMENT',
    field: 'query.after',
  },
  { name: 'an unknown session', method: 'GET', path: '/v1/sessions/nope', code: 'SESSION_NOT_FOUND' },
  {
    name: 'delete an unknown session',
    method: 'DELETE',
    path: '/v1/sessions/nope',
    code: 'SESSION_NOT_FOUND',
  },
  {
    name: 'a turn on an unknown session',
    method: 'POST',
    path: '/v1/sessions/nope/turns',
    body: { message: 'hello?' },
    code: 'SESSION_NOT_FOUND',
  },
  {
    name: 'a resume on an unknown session',
    method: 'GET',
    path: '/v1/sessions/nope/turns/t-1/events?after=0',
    code: 'SESSION_NOT_FOUND',
  },
  { name: 'GET turns', method: 'GET', path: '/v1/sessions/s-1/turns', code: 'METHOD_NOT_ALLOWED' },
  { name: 'PUT a session', method: 'PUT', path: '/v1/sessions/s-1', body: {}, code: 'METHOD_NOT_ALLOWED' },
  {
    name: 'DELETE the sessions collection',
    method: 'DELETE',
    path: '/v1/sessions',
    code: 'METHOD_NOT_ALLOWED',
  },
  // GET /v1/usage needs the admin scope, checked before any input is read (its inputs: usage.test.ts)
  { name: 'usage without the admin scope', method: 'GET', path: '/v1/usage', code: 'PERMISSION_DENIED' },
  {
    name: 'usage with a bad time, without the admin scope',
    method: 'GET',
    path: '/v1/usage?from=yesterday',
    code: 'PERMISSION_DENIED',
  },
  { name: 'POST usage', method: 'POST', path: '/v1/usage', body: {}, code: 'METHOD_NOT_ALLOWED' },
  // /v1/admin/budgets needs the admin scope before any input is read (its inputs: admin-budgets.test.ts)
  {
    name: 'set a budget without the admin scope, even a negative one',
    method: 'POST',
    path: '/v1/admin/budgets',
    body: { tenant: 'default', period: 'day', limit_usd: -1 },
    code: 'PERMISSION_DENIED',
  },
  {
    name: 'list budgets without the admin scope',
    method: 'GET',
    path: '/v1/admin/budgets?tenant=default',
    code: 'PERMISSION_DENIED',
  },
  {
    name: 'delete a budget without the admin scope',
    method: 'DELETE',
    path: '/v1/admin/budgets?tenant=default&period=week',
    code: 'PERMISSION_DENIED',
  },
  { name: 'PUT budgets', method: 'PUT', path: '/v1/admin/budgets', body: {}, code: 'METHOD_NOT_ALLOWED' },
  // Paths with ids
  {
    name: 'job id too long',
    method: 'GET',
    path: `/v1/jobs/${'j'.repeat(600)}`,
    code: 'INVALID_ARGUMENT',
    field: 'path.id',
  },
  { name: 'broken percent-encoding', method: 'GET', path: '/v1/jobs/%E0%A4%A', code: 'INVALID_ARGUMENT' },
  { name: 'unknown job', method: 'GET', path: '/v1/jobs/nope', code: 'NOT_FOUND' },
  { name: 'unknown document', method: 'GET', path: '/v1/documents/nope', code: 'NOT_FOUND' },
  { name: 'delete unknown document', method: 'DELETE', path: '/v1/documents/nope', code: 'NOT_FOUND' },
  {
    name: 'document id with a control character',
    method: 'GET',
    path: '/v1/documents/a%00b',
    code: 'INVALID_ARGUMENT',
    field: 'path.id',
  },
  {
    name: 'invalid tenant on a read',
    method: 'GET',
    path: '/v1/documents/a',
    headers: { 'x-tenant-id': 'x'.repeat(65) },
    code: 'INVALID_ARGUMENT',
  },
  // Wrong methods
  { name: 'GET documents collection', method: 'GET', path: '/v1/documents', code: 'METHOD_NOT_ALLOWED' },
  { name: 'PUT a document', method: 'PUT', path: '/v1/documents/a', body: doc, code: 'METHOD_NOT_ALLOWED' },
  {
    name: 'PATCH a document',
    method: 'PATCH',
    path: '/v1/documents/a',
    body: doc,
    code: 'METHOD_NOT_ALLOWED',
  },
  { name: 'DELETE a job', method: 'DELETE', path: '/v1/jobs/a', code: 'METHOD_NOT_ALLOWED' },
  { name: 'GET search', method: 'GET', path: '/v1/search', code: 'METHOD_NOT_ALLOWED' },
  { name: 'GET rag', method: 'GET', path: '/v1/rag', code: 'METHOD_NOT_ALLOWED' },
  { name: 'POST healthz', method: 'POST', path: '/healthz', code: 'METHOD_NOT_ALLOWED' },
  { name: 'POST readyz', method: 'POST', path: '/readyz', code: 'METHOD_NOT_ALLOWED' },
  { name: 'metrics on the public port', method: 'GET', path: '/metrics', code: 'ROUTE_NOT_FOUND' },
  // Unknown routes
  { name: 'root', method: 'GET', path: '/', code: 'ROUTE_NOT_FOUND' },
  { name: 'bare /v1', method: 'GET', path: '/v1', code: 'ROUTE_NOT_FOUND' },
  {
    name: 'unknown resource',
    method: 'POST',
    path: '/v1/unknown',
    body: '{not json',
    code: 'ROUTE_NOT_FOUND',
  },
  { name: 'unversioned path', method: 'POST', path: '/rag', body: { query: 'q' }, code: 'ROUTE_NOT_FOUND' },
  { name: 'unencoded slash in an id', method: 'GET', path: '/v1/documents/a/b', code: 'ROUTE_NOT_FOUND' },
  { name: 'next version', method: 'POST', path: '/v2/search', body: { query: 'q' }, code: 'ROUTE_NOT_FOUND' },
];

async function send(testCase: BadCase): Promise<Response> {
  const headers: Record<string, string> = { ...testCase.headers };
  let body: string | undefined;
  if (testCase.body !== undefined) {
    body = typeof testCase.body === 'string' ? testCase.body : JSON.stringify(testCase.body);
    headers['content-type'] ??= 'application/json';
  }
  return fetch(`${gateway.url}${testCase.path}`, { method: testCase.method, headers, body });
}

describe('bad input to every route', () => {
  it.each(
    [...commonJsonCases, ...routeCases].map(
      (testCase) => [`${testCase.method} ${testCase.path.slice(0, 60)}: ${testCase.name}`, testCase] as const,
    ),
  )('%s', async (_label, testCase) => {
    const response = await send(testCase);
    const body = (await response.json()) as {
      error: { code: string; message: string; details: unknown; request_id: string; retryable: boolean };
    };
    expect({ status: response.status, code: body.error.code }).toEqual({
      status: ERROR_CODES[testCase.code].http,
      code: testCase.code,
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(body.error.request_id).toBe(response.headers.get('x-request-id'));
    expect(typeof body.error.message).toBe('string');
    expect(body.error.retryable).toBe(false);
    if (testCase.field) {
      const fields = (body.error.details as { fields: Array<{ field: string }> }).fields.map(
        (problem) => problem.field,
      );
      expect(fields).toContain(testCase.field);
    }
    if (testCase.code === 'METHOD_NOT_ALLOWED') expect(response.headers.get('allow')).toBeTruthy();
  });

  it('refuses an oversized chunked body (no Content-Length) with 413', async () => {
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = httpRequest(`${gateway.url}/v1/search`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      });
      request.on('response', (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
      });
      request.on('error', reject);
      request.write('{"query": "');
      for (let sent = 0; sent < TEST_BODY_LIMIT_BYTES * 2; sent += 8192) request.write('y'.repeat(8192));
      request.end('"}');
    });
    expect(status).toBe(413);
    expect(JSON.parse(body)).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('tells a client using the old name `filters` which field to use', async () => {
    for (const path of ['/v1/search', '/v1/rag']) {
      const response = await fetch(`${gateway.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'q', filters: { lang: 'en' } }),
      });
      expect(response.status).toBe(400);
      const { error } = (await response.json()) as { error: { message: string; details: unknown } };
      expect(error.details).toEqual({
        fields: [{ field: 'body.filters', message: 'renamed: use `filter.metadata` instead' }],
      });
      expect(error.message).toContain('use `filter.metadata`');
    }
  });

  it('names the limit in bytes and the setting that raises it in a 413', async () => {
    const response = await fetch(`${gateway.url}/v1/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: oversized,
    });
    expect(response.status).toBe(413);
    const { error } = (await response.json()) as { error: { message: string; details: unknown } };
    expect(error.message).toContain(`limit of ${TEST_BODY_LIMIT_BYTES} bytes (GATEWAY_BODY_LIMIT)`);
    expect(error.details).toEqual({ limit_bytes: TEST_BODY_LIMIT_BYTES, setting: 'GATEWAY_BODY_LIMIT' });
  });

  it('answers a session of another owner with 404 SESSION_NOT_FOUND on every session route', async () => {
    const created = await postJson(`${gateway.url}/v1/sessions`, {}, { 'x-tenant-id': 'owner-tenant' });
    const { id } = ((await created.json()) as { session: { id: string } }).session;
    // In development mode X-Tenant-Id names the caller's tenant: here, another one.
    const other = { 'x-tenant-id': 'other-tenant' };
    for (const testCase of [
      { method: 'GET', path: `/v1/sessions/${id}` },
      { method: 'DELETE', path: `/v1/sessions/${id}` },
      { method: 'POST', path: `/v1/sessions/${id}/turns`, body: { message: 'hello?' } },
      { method: 'GET', path: `/v1/sessions/${id}/turns/t-1/events?after=0` },
    ]) {
      const response = await send({
        name: 'wrong owner',
        code: 'SESSION_NOT_FOUND',
        headers: other,
        ...testCase,
      });
      const { error } = (await response.json()) as { error: { code: string } };
      expect({ ...testCase, status: response.status, code: error.code }).toEqual({
        ...testCase,
        status: 404,
        code: 'SESSION_NOT_FOUND',
      });
    }
    wrongOwnerSession = id;
  });

  it('still serves after all of the above', async () => {
    expect((await fetch(`${gateway.url}/healthz`)).status).toBe(200);
  });

  it('never reached an upstream with invalid input', () => {
    // Lookups of ids that do not exist (or are not the caller's) must reach the upstream that knows.
    const lookups = new Set(['GetJob', 'GetDocument', 'DeleteDocument']);
    const sessionOf = (request: unknown) => {
      const { id, sessionId } = request as { id?: string; sessionId?: string };
      return id ?? sessionId ?? '';
    };
    const forwarded = gateway.upstreams.calls.filter(
      (call) =>
        !lookups.has(call.method) &&
        call.method !== 'CreateSession' &&
        !['nope', wrongOwnerSession].includes(sessionOf(call.request)),
    );
    expect(forwarded).toEqual([]);
  });
});
