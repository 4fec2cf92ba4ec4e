import { z } from 'zod';
import { ERROR_CODES } from '@ragfleet/errors';
import { GUARD_HEADER } from '../guard/prompt-guard.ts';
import { NDJSON_TYPE } from '../http/ndjson-writer.ts';
import { REQUEST_ID_HEADER } from '../http/request-id.ts';
import { TENANT_HEADER } from '../http/request-context.ts';
import { keyParams, newKeyBody } from '../auth/admin-routes.ts';
import { batchSchema, singleDocumentSchema, waitQuery } from '../routes/documents.ts';
import { activateVersionBody, buildVersionBody } from '../routes/index-versions.ts';
import { ragBody } from '../routes/rag.ts';
import { idParams } from '../routes/schemas.ts';
import { searchBody } from '../routes/search.ts';
import { wsClientMessage } from '../ws/messages.ts';
import { API_VERSION, API_VERSION_HEADER } from './api-version.ts';
import { parametersOf, toSchemaObject, type JsonSchema } from './json-schema.ts';
import * as responses from './response-schemas.ts';

export interface OpenApiOptions {
  /** The configured bound on `?timeout_ms`, so the document states the real limit. */
  maxWaitMs: number;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: JsonSchema) => ({ 'application/json': { schema } });

const STANDARD_HEADERS = {
  [REQUEST_ID_HEADER]: { $ref: '#/components/headers/RequestId' },
  [API_VERSION_HEADER]: { $ref: '#/components/headers/ApiVersion' },
};

function ok(description: string, content?: Record<string, unknown>, headers: Record<string, unknown> = {}) {
  return { description, headers: { ...STANDARD_HEADERS, ...headers }, ...(content ? { content } : {}) };
}

/** Error statuses an operation can answer with, each the same envelope. */
function errors(...statuses: number[]): Record<string, unknown> {
  const always = [401, 403, 429, 500, 503];
  const all = [...new Set([...statuses, ...always])].sort((a, b) => a - b);
  return Object.fromEntries(all.map((status) => [String(status), { $ref: '#/components/responses/Error' }]));
}

function errorCodeTable(): string {
  const rows = Object.entries(ERROR_CODES).map(
    ([code, entry]) =>
      `| ${code} | ${entry.http} | ${entry.retryable ? 'yes' : 'no'} | ${entry.description} |`,
  );
  return ['| code | HTTP | retryable | meaning |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

const DESCRIPTION = `The ragfleet gateway: ingest documents, search them, and ask questions answered from them
with citations, as JSON, NDJSON streams or over a WebSocket.

Every error has the same envelope (\`ErrorEnvelope\`); its \`code\` is stable and decides the HTTP status:

${errorCodeTable()}`;

/** The OpenAPI 3.1 document, generated from the schemas the routes validate with. */
export function buildOpenApiDocument(options: OpenApiOptions): Record<string, unknown> {
  const document = buildDocument(options);
  // Every tenant-scoped path takes the tenant header.
  const tenant = { $ref: '#/components/parameters/Tenant' };
  for (const [path, item] of Object.entries(document.paths)) {
    if (!path.startsWith('/v1/') || path === '/v1/openapi.json' || OPERATOR_PATHS.test(path)) continue;
    item.parameters = [...(item.parameters ?? []), tenant];
  }
  return document;
}

/** Key administration and index versions act on every tenant: the admin credential decides. */
const OPERATOR_PATHS = /^\/v1\/(admin|index)\//;
const ADMIN_SECURITY = [{ bearerAuth: [] }, { apiKeyAuth: [] }];

/* routes/index-versions.ts does not export its path schema (uint32 version id). */
const VERSION_ID_PARAMETER = {
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'integer', minimum: 1, maximum: 4_294_967_295 },
};

interface PathItem {
  parameters?: unknown[];
  [method: string]: unknown;
}

function buildDocument(
  options: OpenApiOptions,
): { paths: Record<string, PathItem> } & Record<string, unknown> {
  const jsonBodyErrors = [400, 413, 415];
  return {
    openapi: '3.1.0',
    info: {
      title: 'ragfleet gateway',
      version: API_VERSION,
      description: DESCRIPTION,
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: '/', description: 'this gateway' }],
    security: [{ bearerAuth: [] }, { apiKeyAuth: [] }, {}],
    tags: [
      { name: 'documents', description: 'Ingest, read and delete documents.' },
      { name: 'search', description: 'Retrieve chunks.' },
      { name: 'rag', description: 'Answers with citations.' },
      { name: 'ops', description: 'Probes, metrics and this document.' },
      { name: 'admin', description: 'API key administration (the admin token or the `admin` scope).' },
      {
        name: 'index',
        description: 'Index versions: shadow builds, gated cutover, rollback (the `admin` scope).',
      },
    ],
    paths: {
      '/v1/documents': {
        post: {
          tags: ['documents'],
          operationId: 'ingestDocuments',
          summary: 'Ingest one document or a batch; answers with the ingest job.',
          parameters: parametersOf(waitQuery(options.maxWaitMs), 'query'),
          requestBody: {
            required: true,
            content: json({ oneOf: [ref('IngestBatch'), ref('IngestDocument')] }),
          },
          responses: {
            '200': ok('The job finished while waiting (`wait=true`).', json(ref('JobResponse'))),
            '202': ok(
              'The job is accepted (and, with `wait=true`, still running).',
              json(ref('JobResponse')),
              {
                Location: { description: 'The job resource.', schema: { type: 'string' } },
              },
            ),
            ...errors(...jsonBodyErrors),
          },
        },
      },
      '/v1/documents/{id}': {
        parameters: parametersOf(idParams, 'path'),
        get: {
          tags: ['documents'],
          operationId: 'getDocument',
          summary: 'One document of the caller’s tenant.',
          responses: { '200': ok('The document.', json(ref('DocumentResponse'))), ...errors(400, 404) },
        },
        delete: {
          tags: ['documents'],
          operationId: 'deleteDocument',
          summary: 'Delete a document and its chunks.',
          responses: {
            '200': ok(
              'Deleted.',
              json({
                type: 'object',
                properties: {
                  deleted: { const: true },
                  id: { type: 'string' },
                  chunks_removed: { type: 'integer' },
                },
                required: ['deleted', 'id', 'chunks_removed'],
              }),
            ),
            ...errors(400, 404),
          },
        },
      },
      '/v1/jobs/{id}': {
        parameters: parametersOf(idParams, 'path'),
        get: {
          tags: ['documents'],
          operationId: 'getJob',
          summary: 'An ingest job’s progress.',
          responses: { '200': ok('The job.', json(ref('JobResponse'))), ...errors(400, 404) },
        },
      },
      '/v1/search': {
        post: {
          tags: ['search'],
          operationId: 'search',
          summary: 'The best-matching chunks for a query.',
          requestBody: { required: true, content: json(ref('SearchRequest')) },
          responses: {
            '200': ok('Hits, best first, and the settings used.', json(ref('SearchResponse'))),
            ...errors(...jsonBodyErrors, 504),
          },
        },
      },
      '/v1/rag': {
        post: {
          tags: ['rag'],
          operationId: 'rag',
          summary: 'Answer a question from the corpus, as one JSON object or an NDJSON event stream.',
          requestBody: { required: true, content: json(ref('RagRequest')) },
          responses: {
            '200': ok(
              'The answer. With `stream: true` or `Accept: application/x-ndjson`: one `AnswerEvent` per line, ending with `done` or `error`.',
              {
                ...json(ref('Answer')),
                [NDJSON_TYPE]: { schema: ref('AnswerEvent') },
              },
              {
                [GUARD_HEADER]: {
                  description:
                    '`flagged` when the prompt-injection guard (mode `flag`) flagged the question.',
                  schema: { type: 'string', enum: ['flagged'] },
                },
              },
            ),
            ...errors(...jsonBodyErrors, 402, 502, 504),
          },
        },
      },
      '/v1/ws': {
        get: {
          tags: ['rag'],
          operationId: 'websocket',
          summary: 'WebSocket: ask over one connection, streamed events tagged with the ask id.',
          description:
            'Upgrade with `Connection: Upgrade`, `Upgrade: websocket`; credentials are checked before the upgrade ' +
            '(401 with the error envelope). Client text messages are `WsClientMessage`; the server answers with ' +
            '`AnswerEvent` objects plus the ask `id` (errors without an ask have `id: null`). Oversized messages ' +
            'close the socket with 1009; a client that reads too slowly gets `SLOW_CONSUMER` and is closed; on ' +
            'shutdown, unfinished asks get `SERVICE_UNAVAILABLE` and the socket closes with 1001.',
          'x-websocket-client-message': ref('WsClientMessage'),
          'x-websocket-server-message': ref('AnswerEvent'),
          responses: { '101': { description: 'Switching protocols.' }, ...errors(400, 404) },
        },
      },
      '/v1/admin/keys': {
        post: {
          tags: ['admin'],
          operationId: 'createApiKey',
          summary: 'Create an API key for a tenant; the key is in the answer once, never again.',
          security: ADMIN_SECURITY,
          requestBody: { required: true, content: json(ref('NewApiKey')) },
          responses: {
            '201': ok('Created.', json(ref('CreatedApiKey')), {
              Location: { description: 'The key resource (for revocation).', schema: { type: 'string' } },
              'Cache-Control': { description: 'Always `no-store`.', schema: { type: 'string' } },
            }),
            ...errors(...jsonBodyErrors),
          },
        },
      },
      '/v1/admin/keys/{id}': {
        parameters: parametersOf(keyParams, 'path'),
        delete: {
          tags: ['admin'],
          operationId: 'revokeApiKey',
          summary: 'Revoke a key created through this API (keys from the key file are managed there).',
          security: ADMIN_SECURITY,
          responses: { '200': ok('Revoked.', json(ref('RevokedApiKey'))), ...errors(400, 404) },
        },
      },
      '/v1/index/versions': {
        get: {
          tags: ['index'],
          operationId: 'listIndexVersions',
          summary: 'Every index version, the active one and the one a rollback returns to.',
          security: ADMIN_SECURITY,
          responses: { '200': ok('The versions.', json(ref('IndexVersionList'))), ...errors() },
        },
        post: {
          tags: ['index'],
          operationId: 'buildIndexVersion',
          summary: 'Start building a shadow index version (re-chunks and re-embeds the corpus).',
          security: ADMIN_SECURITY,
          requestBody: { required: false, content: json(ref('BuildIndexVersion')) },
          responses: {
            '202': ok('The build started.', json(ref('IndexVersionResponse')), {
              Location: { description: 'The version resource.', schema: { type: 'string' } },
            }),
            ...errors(...jsonBodyErrors, 409),
          },
        },
      },
      '/v1/index/versions/rollback': {
        post: {
          tags: ['index'],
          operationId: 'rollbackIndexVersion',
          summary: 'Make the previous version active again.',
          security: ADMIN_SECURITY,
          responses: { '200': ok('Rolled back.', json(ref('IndexVersionResponse'))), ...errors(409) },
        },
      },
      '/v1/index/versions/{id}': {
        parameters: [VERSION_ID_PARAMETER],
        get: {
          tags: ['index'],
          operationId: 'getIndexVersion',
          summary: 'One version and its build progress.',
          security: ADMIN_SECURITY,
          responses: { '200': ok('The version.', json(ref('IndexVersionResponse'))), ...errors(400, 404) },
        },
      },
      '/v1/index/versions/{id}/activate': {
        parameters: [VERSION_ID_PARAMETER],
        post: {
          tags: ['index'],
          operationId: 'activateIndexVersion',
          summary: 'Cut searches over to a ready version, through the quality gate unless forced.',
          security: ADMIN_SECURITY,
          requestBody: { required: false, content: json(ref('ActivateIndexVersion')) },
          responses: {
            '200': ok('The gate’s verdict.', json(ref('ActivationResult'))),
            ...errors(...jsonBodyErrors, 404, 409),
          },
        },
      },
      '/v1/openapi.json': {
        get: {
          tags: ['ops'],
          operationId: 'openapi',
          summary: 'This document.',
          security: [],
          responses: { '200': ok('OpenAPI 3.1.', json({ type: 'object' })) },
        },
      },
      '/healthz': {
        get: {
          tags: ['ops'],
          operationId: 'liveness',
          summary: 'Liveness: the process answers.',
          security: [],
          responses: {
            '200': ok('Alive.', json({ type: 'object', properties: { status: { const: 'ok' } } })),
          },
        },
      },
      '/readyz': {
        get: {
          tags: ['ops'],
          operationId: 'readiness',
          summary: 'Readiness: taking traffic and every upstream reachable.',
          security: [],
          responses: {
            '200': ok('Ready.', json(ref('Readiness'))),
            '503': ok('Not ready (shutting down or an upstream unreachable).', json(ref('Readiness'))),
          },
        },
      },
      '/metrics': {
        get: {
          tags: ['ops'],
          operationId: 'metrics',
          summary: 'Prometheus metrics.',
          security: [],
          responses: {
            '200': ok('Prometheus text format.', { 'text/plain': { schema: { type: 'string' } } }),
          },
        },
      },
    },
    components: {
      schemas: {
        RagRequest: toSchemaObject(ragBody, 'input'),
        SearchRequest: toSchemaObject(searchBody, 'input'),
        IngestDocument: toSchemaObject(singleDocumentSchema, 'input'),
        IngestBatch: toSchemaObject(batchSchema, 'input'),
        WsClientMessage: toSchemaObject(wsClientMessage, 'input'),
        ErrorEnvelope: toSchemaObject(responses.errorEnvelope, 'output'),
        Job: toSchemaObject(responses.jobJson, 'output'),
        JobResponse: toSchemaObject(z.object({ job: responses.jobJson }), 'output'),
        Document: toSchemaObject(responses.documentJson, 'output'),
        DocumentResponse: toSchemaObject(z.object({ document: responses.documentJson }), 'output'),
        SearchHit: toSchemaObject(responses.searchHitJson, 'output'),
        SearchResponse: toSchemaObject(responses.searchResponse, 'output'),
        NewApiKey: toSchemaObject(newKeyBody, 'input'),
        CreatedApiKey: toSchemaObject(responses.createdKey, 'output'),
        RevokedApiKey: toSchemaObject(responses.revokedKey, 'output'),
        BuildIndexVersion: toSchemaObject(buildVersionBody, 'input'),
        ActivateIndexVersion: toSchemaObject(activateVersionBody, 'input'),
        IndexVersionResponse: toSchemaObject(responses.indexVersionResponse, 'output'),
        IndexVersionList: toSchemaObject(responses.indexVersionList, 'output'),
        ActivationResult: toSchemaObject(responses.activationResult, 'output'),
        Citation: toSchemaObject(responses.citationJson, 'output'),
        Answer: toSchemaObject(responses.answerJson, 'output'),
        AnswerEvent: toSchemaObject(responses.answerEvent, 'output'),
        Readiness: toSchemaObject(responses.readiness, 'output'),
      },
      responses: {
        Error: {
          description: 'An error; `error.code` is one of `x-error-codes` and decides the status.',
          headers: STANDARD_HEADERS,
          content: json(ref('ErrorEnvelope')),
        },
      },
      headers: {
        RequestId: {
          description: 'The caller’s own request id when it sent a sane one, else a fresh one.',
          schema: { type: 'string' },
        },
        ApiVersion: {
          description: 'The API version that answered.',
          schema: { type: 'string', const: API_VERSION },
        },
      },
      parameters: {
        Tenant: {
          name: TENANT_HEADER,
          in: 'header',
          required: false,
          description: 'Tenant for anonymous callers (until credentials carry it).',
          schema: { type: 'string', pattern: '^[a-zA-Z0-9_-]{1,64}$' },
        },
      },
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'An API key or a JWT.' },
        apiKeyAuth: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
      },
    },
    'x-error-codes': Object.fromEntries(
      Object.entries(ERROR_CODES).map(([code, entry]) => [
        code,
        { http: entry.http, retryable: entry.retryable, description: entry.description },
      ]),
    ),
  };
}
