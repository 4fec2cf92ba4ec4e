import type { Scope } from './identity.ts';

/**
 * The scope each public route needs. Kept in one table beside the routes' paths so a key's
 * scopes can be checked before the body is read; a path not listed needs no scope (404 follows).
 */
const ROUTE_SCOPES: Array<{ method: string; path: RegExp; scope: Scope; stream?: true }> = [
  { method: 'POST', path: /^\/v1\/documents\/?$/, scope: 'documents:write' },
  { method: 'GET', path: /^\/v1\/documents\/[^/]+\/?$/, scope: 'documents:read' },
  { method: 'HEAD', path: /^\/v1\/documents\/[^/]+\/?$/, scope: 'documents:read' },
  { method: 'DELETE', path: /^\/v1\/documents\/[^/]+\/?$/, scope: 'documents:write' },
  { method: 'GET', path: /^\/v1\/jobs\/[^/]+\/?$/, scope: 'jobs:read' },
  { method: 'HEAD', path: /^\/v1\/jobs\/[^/]+\/?$/, scope: 'jobs:read' },
  { method: 'POST', path: /^\/v1\/search\/?$/, scope: 'search' },
  // An answer holds an upstream stream whether or not the client reads it as NDJSON.
  { method: 'POST', path: /^\/v1\/rag\/?$/, scope: 'rag', stream: true },
  { method: 'GET', path: /^\/v1\/ws\/?$/, scope: 'rag', stream: true },
  // Index versions re-embed the whole corpus and move every tenant's search: operators only.
  { method: 'GET', path: /^\/v1\/index\/versions(\/[^/]+)?\/?$/, scope: 'admin' },
  { method: 'HEAD', path: /^\/v1\/index\/versions(\/[^/]+)?\/?$/, scope: 'admin' },
  { method: 'POST', path: /^\/v1\/index\/versions(\/rollback|\/[^/]+\/activate)?\/?$/, scope: 'admin' },
];

export function requiredScope(method: string, path: string): Scope | undefined {
  return ROUTE_SCOPES.find((route) => route.method === method && route.path.test(path))?.scope;
}

/** Routes whose requests each hold one of the caller's concurrent stream slots. */
export function isStreamRoute(method: string, path: string): boolean {
  return ROUTE_SCOPES.some(
    (route) => route.stream === true && route.method === method && route.path.test(path),
  );
}
