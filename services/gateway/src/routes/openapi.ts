import { route, type GatewayRoute } from './route.ts';

export const OPENAPI_PATH = '/v1/openapi.json';

/** Serves the document, built once from the route table: it depends only on code and configuration. */
export function openapiRoute(document: () => Record<string, unknown>): GatewayRoute {
  let body: string | undefined;
  return route({
    method: 'GET',
    path: OPENAPI_PATH,
    operationId: 'openapi',
    tag: 'ops',
    summary: 'This document.',
    access: 'public',
    limits: 'none',
    responses: { 200: { description: 'OpenAPI 3.1.', json: { type: 'object' } } },
    handle({ response }) {
      body ??= JSON.stringify(document());
      response.type('application/json').send(body);
    },
  });
}
