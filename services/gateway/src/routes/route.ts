import type { Request, Response } from 'express';
import type { z } from 'zod';
import type { Identity, Scope } from '../auth/identity.ts';
import { parseInput } from '../http/validation.ts';
import type { JsonSchema } from '../openapi/json-schema.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * What admission charges a request against: nothing, the caller's request windows (per minute
 * and per day), or those plus one concurrent-stream slot held until the response ends.
 */
export type LimitClass = 'none' | 'request' | 'stream';

/** Who may call a route: holders of a credential with this scope, or anyone (probes, the document). */
export type Access = Scope | 'public';

/** A schema under the name it has in the OpenAPI document's components. */
export interface NamedSchema {
  name: string;
  schema: z.ZodType;
}

export function named(name: string, schema: z.ZodType): NamedSchema {
  return { name, schema };
}

/** A JSON request body: the schema it is documented by, and the parse that validates it. */
export interface RouteBody<B> {
  /** One named schema, or several a body may match (documented as `oneOf`). */
  schemas: NamedSchema[];
  /** An empty body is read as `{}` when the body is optional. */
  required: boolean;
  parse(value: unknown): B;
}

export interface RouteResponse {
  description: string;
  json?: NamedSchema | JsonSchema;
  ndjson?: NamedSchema;
  headers?: Record<string, { description: string; schema: JsonSchema }>;
}

/** What a handler gets: its validated inputs, the caller, and the raw exchange for writing. */
export interface RouteCall<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  /** Undefined only on public routes. */
  identity: Identity | undefined;
  request: Request;
  response: Response;
  /** Aborted when the client goes away before its response has ended, so upstream work stops too. */
  signal: AbortSignal;
}

/**
 * One route, declared once: Express registration, admission (credential, scope, limits) and the
 * OpenAPI document are all derived from this, so a route cannot exist undocumented or unchecked.
 */
export interface RouteSpec<P, Q, B> {
  method: HttpMethod;
  /** Express syntax (`/v1/documents/:id`); the document shows `{id}`. */
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  access: Access;
  limits: LimitClass;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: RouteBody<B>;
  /** Success responses by status; error responses follow from access, limits, inputs and `errors`. */
  responses: Record<number, RouteResponse>;
  /** Error statuses the handler itself can answer with (404, 409, 502...). */
  errors?: number[];
  /** For an upgrade route: the messages each side sends (documented as `x-websocket-*`). */
  websocket?: { client: NamedSchema; server: NamedSchema };
  handle(call: RouteCall<P, Q, B>): Promise<void> | void;
}

/** A route with its input types erased, as the table holds them. */
export type GatewayRoute = RouteSpec<unknown, unknown, unknown>;

/** Declares a route with typed inputs and erases the types for the table. */
export function route<P = undefined, Q = undefined, B = undefined>(spec: RouteSpec<P, Q, B>): GatewayRoute {
  return spec as unknown as GatewayRoute;
}

/** A body validated by one schema (the usual case). */
export function jsonBody<S extends z.ZodType>(
  name: string,
  schema: S,
  required = true,
): RouteBody<z.output<S>> {
  return { schemas: [named(name, schema)], required, parse: (value) => parseInput(schema, value, 'body') };
}
