import { z } from 'zod';
import { ERROR_CODES } from '@ragfleet/errors';
import { NDJSON_TYPE } from '../http/ndjson-writer.ts';
import { REQUEST_ID_HEADER } from '../http/request-id.ts';
import type { GatewayRoute, NamedSchema, RouteResponse } from '../routes/route.ts';
import { API_VERSION, API_VERSION_HEADER } from './api-version.ts';
import { parametersOf, type JsonSchema } from './json-schema.ts';
import { SHARED_COMPONENTS } from './response-schemas.ts';

const STANDARD_HEADERS = {
  [REQUEST_ID_HEADER]: { $ref: '#/components/headers/RequestId' },
  [API_VERSION_HEADER]: { $ref: '#/components/headers/ApiVersion' },
};
const ADMIN_SECURITY = [{ bearerAuth: [] }, { apiKeyAuth: [] }];
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const TAGS = [
  { name: 'documents', description: 'Ingest, read and delete documents.' },
  { name: 'search', description: 'Retrieve chunks.' },
  { name: 'rag', description: 'Answers with citations.' },
  { name: 'ops', description: 'Probes and this document.' },
  {
    name: 'admin',
    description: 'API keys, budgets and usage (the admin token or the `admin` scope).',
  },
  {
    name: 'index',
    description: 'Index versions: shadow builds, gated cutover, rollback (the `admin` scope).',
  },
];

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

/** Named zod schemas converted together, so that one names another by `$ref` instead of copying it. */
class Components {
  readonly #input = new Map<string, z.ZodType>();
  readonly #output = new Map<string, z.ZodType>();

  /** Requests are documented as clients may send them (before defaults), responses as sent. */
  add(schema: NamedSchema, io: 'input' | 'output'): { $ref: string } {
    const names = io === 'input' ? this.#input : this.#output;
    const known = names.get(schema.name);
    if (known && known !== schema.schema) throw new Error(`two schemas are named ${schema.name}`);
    names.set(schema.name, schema.schema);
    return ref(schema.name);
  }

  toJson(): Record<string, JsonSchema> {
    const convert = (names: Map<string, z.ZodType>, io: 'input' | 'output') => {
      const registry = z.registry<{ id: string }>();
      for (const [id, schema] of names) registry.add(schema, { id });
      const { schemas } = z.toJSONSchema(registry, {
        target: 'draft-2020-12',
        io,
        unrepresentable: 'any',
        uri: (id) => `#/components/schemas/${id}`,
      });
      return Object.fromEntries(
        Object.entries(schemas).map(([id, { $schema: _dialect, $id: _id, ...rest }]) => [
          id,
          rest as JsonSchema,
        ]),
      );
    };
    return { ...convert(this.#input, 'input'), ...convert(this.#output, 'output') };
  }
}

const isNamed = (value: NamedSchema | JsonSchema): value is NamedSchema =>
  typeof value.name === 'string' && value.schema instanceof z.ZodType;

/** The error statuses a route can answer with, from what it declares: nothing is listed by hand. */
function errorStatuses(route: GatewayRoute): number[] {
  const statuses = new Set([500, 503, ...(route.errors ?? [])]);
  if (route.access !== 'public') [401, 403].forEach((status) => statuses.add(status));
  if (route.limits !== 'none') statuses.add(429);
  if (route.params || route.query) statuses.add(400);
  if (route.body) [400, 413, 415].forEach((status) => statuses.add(status));
  if (route.websocket) [400, 404].forEach((status) => statuses.add(status));
  return [...statuses].sort((a, b) => a - b);
}

function responseObject(response: RouteResponse, components: Components) {
  const content: Record<string, unknown> = {};
  if (response.json) {
    const schema = isNamed(response.json) ? components.add(response.json, 'output') : response.json;
    content['application/json'] = { schema };
  }
  if (response.ndjson) content[NDJSON_TYPE] = { schema: components.add(response.ndjson, 'output') };
  return {
    description: response.description,
    headers: { ...STANDARD_HEADERS, ...(response.headers ?? {}) },
    ...(Object.keys(content).length > 0 ? { content } : {}),
  };
}

function operation(route: GatewayRoute, components: Components): Record<string, unknown> {
  const parameters = [
    ...(route.params ? parametersOf(route.params as z.ZodObject, 'path') : []),
    ...(route.query ? parametersOf(route.query as z.ZodObject, 'query') : []),
    // Tenant-scoped routes take the tenant header; operator routes act on every tenant.
    ...(route.access !== 'public' && route.access !== 'admin'
      ? [{ $ref: '#/components/parameters/Tenant' }]
      : []),
  ];
  const body = route.body;
  const bodySchemas = body?.schemas.map((schema) => components.add(schema, 'input')) ?? [];
  const responses: Record<string, unknown> = {};
  for (const [status, response] of Object.entries(route.responses)) {
    responses[status] = responseObject(response, components);
  }
  for (const status of errorStatuses(route)) {
    responses[String(status)] ??= { $ref: '#/components/responses/Error' };
  }
  return {
    tags: [route.tag],
    operationId: route.operationId,
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    ...(route.access === 'public'
      ? { security: [] }
      : route.access === 'admin'
        ? { security: ADMIN_SECURITY }
        : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(body
      ? {
          requestBody: {
            required: body.required,
            content: {
              'application/json': {
                schema: bodySchemas.length === 1 ? bodySchemas[0] : { oneOf: bodySchemas },
              },
            },
          },
        }
      : {}),
    ...(route.websocket
      ? {
          'x-websocket-client-message': components.add(route.websocket.client, 'input'),
          'x-websocket-server-message': components.add(route.websocket.server, 'output'),
        }
      : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document of a route table, from the very schemas the routes validate with. */
export function buildOpenApiDocument(routes: readonly GatewayRoute[]): Record<string, unknown> {
  const components = new Components();
  for (const shared of SHARED_COMPONENTS) components.add(shared, 'output');
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    paths[path] = { ...paths[path], [route.method.toLowerCase()]: operation(route, components) };
  }
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
    tags: TAGS,
    paths,
    components: {
      schemas: components.toJson(),
      responses: {
        Error: {
          description: 'An error; `error.code` is one of `x-error-codes` and decides the status.',
          headers: STANDARD_HEADERS,
          content: { 'application/json': { schema: ref('ErrorEnvelope') } },
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
          name: 'X-Tenant-Id',
          in: 'header',
          required: false,
          description:
            'The tenant of anonymous callers in development mode; with credentials it may only repeat their tenant.',
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
