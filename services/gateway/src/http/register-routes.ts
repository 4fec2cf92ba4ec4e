import express, { type Request, type Response, type Router } from 'express';
import { extractTraceContext, runWithRequestContext, withServerSpan } from '@ragfleet/telemetry';
import { callerContext, isCredentialRefusal, type Admission, type Admitted } from '../admission/admission.ts';
import { rateLimitHeaders } from '../admission/rate-limited.ts';
import { bearerChallenge } from '../auth/auth-errors.ts';
import { offersCredential } from '../auth/authenticator.ts';
import { withFieldList } from '@ragfleet/errors';
import { upstreamFailure } from '@ragfleet/grpc';
import type { GatewayRoute } from '../routes/route.ts';
import { abortOnDisconnect } from './disconnect.ts';
import { readJsonBody } from './json-body.ts';
import { allowOnly } from './method-not-allowed.ts';
import { requestIdOf } from './request-id.ts';
import { parseInput } from './validation.ts';

export interface RegisterOptions {
  admission: Admission;
  /** Largest JSON body, in bytes. */
  bodyLimitBytes: number;
}

async function admitted(route: GatewayRoute, request: Request, response: Response, admission: Admission) {
  if (route.access === 'public') return undefined;
  let ticket: Admitted;
  try {
    ticket = await admission.admit(request.headers, {
      scope: route.access,
      limits: route.limits,
      what: `${route.method} ${route.path}`,
    });
  } catch (error) {
    if (isCredentialRefusal(error)) {
      // RFC 9110: a 401 names the scheme it wants.
      response.setHeader('WWW-Authenticate', bearerChallenge(offersCredential(request.headers)));
    }
    throw error;
  }
  if (ticket.decision) response.set(rateLimitHeaders(ticket.decision));
  response.once('close', ticket.release);
  return ticket.identity;
}

/**
 * Where a field an upstream names sits in this route's request: services name the public
 * field (`k`, `filter.tags`, `id`), the gateway's own errors say `body.k`, `path.id`; an
 * upstream error reaches the client in that same `details.fields` shape.
 */
function qualifier(route: GatewayRoute): (field: string) => string {
  return (named) => {
    // `documents[3].id` as the gateway's own errors write it: `documents.3.id`.
    const field = named.replace(/\[(\d+)\]/g, '.$1');
    if (route.params && field === 'id') return 'path.id';
    if (route.body) return `body.${field}`;
    if (route.query) return `query.${field}`;
    return field;
  };
}

/** Runs one request through its route: admission, then inputs (path, query, body), then the handler. */
async function serve(route: GatewayRoute, options: RegisterOptions, request: Request, response: Response) {
  // Credentials first: a stranger's body is never read, a stranger's input never parsed.
  const identity = await admitted(route, request, response, options.admission);
  const params = route.params ? parseInput(route.params, request.params, 'path') : undefined;
  const query = route.query ? parseInput(route.query, request.query, 'query') : undefined;
  let body: unknown;
  if (route.body) {
    const raw = await readJsonBody(request, response, options.bodyLimitBytes);
    body = route.body.parse(raw === undefined && !route.body.required ? {} : raw);
  }
  const call = { params, query, body, identity, request, response, signal: abortOnDisconnect(response) };
  try {
    if (!identity) await route.handle(call);
    // The gRPC clients sign this context (tenant, user, tier, request id) into the service token.
    else
      await runWithRequestContext(callerContext(identity, requestIdOf(response)), () => route.handle(call));
  } catch (error) {
    throw withFieldList(upstreamFailure(error), qualifier(route));
  }
}

/** The Express router of a route table; a known path with an unknown method gets 405 with Allow. */
export function registerRoutes(routes: readonly GatewayRoute[], options: RegisterOptions): Router {
  const router = express.Router();
  const byPath = new Map<string, GatewayRoute[]>();
  for (const entry of routes) byPath.set(entry.path, [...(byPath.get(entry.path) ?? []), entry]);
  for (const [path, entries] of byPath) {
    const chain = router.route(path);
    for (const entry of entries) {
      const method = entry.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete';
      // The root of the request's trace (or a child of the caller's traceparent): every service the
      // route reaches adds its spans below this one.
      chain[method]((request, response) =>
        withServerSpan(
          `${entry.method} ${entry.path}`,
          extractTraceContext(request.headers),
          () => serve(entry, options, request, response),
          { 'http.request.method': entry.method, 'http.route': entry.path },
        ),
      );
    }
    chain.all(allowOnly(...entries.map((entry) => entry.method)));
  }
  return router;
}
