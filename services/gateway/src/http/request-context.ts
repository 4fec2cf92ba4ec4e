import type { RequestHandler } from 'express';
import { RagfleetError } from '@ragfleet/errors';
import { runWithRequestContext } from '@ragfleet/telemetry';
import { requestIdOf } from './request-id.ts';

export const TENANT_HEADER = 'X-Tenant-Id';
export const DEFAULT_TENANT = 'default';
const VALID_TENANT = /^[a-zA-Z0-9_-]{1,64}$/;

/**
 * Puts the request id and tenant into the async request context, which the gRPC clients copy
 * into upstream metadata. It must run after body parsing: body-parser resumes the chain from
 * socket events, outside any context entered before it. Identity proper arrives with auth;
 * until then the tenant is whatever the header names.
 */
export const enterRequestContext: RequestHandler = (request, response, next) => {
  const header = request.get(TENANT_HEADER);
  if (header !== undefined && !VALID_TENANT.test(header)) {
    next(
      new RagfleetError('INVALID_ARGUMENT', `${TENANT_HEADER} must match [a-zA-Z0-9_-]{1,64}.`, {
        details: { fields: [{ field: `header.${TENANT_HEADER}`, message: 'invalid tenant id' }] },
      }),
    );
    return;
  }
  const tenant = header ?? DEFAULT_TENANT;
  response.locals.tenant = tenant;
  runWithRequestContext({ requestId: requestIdOf(response), tenant }, next);
};
