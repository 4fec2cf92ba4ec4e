import type { RequestHandler, Response } from 'express';
import { isRagfleetError } from '@ragfleet/errors';
import type { CallerContext } from '@ragfleet/grpc';
import { runWithRequestContext } from '@ragfleet/telemetry';
import { requestIdOf } from '../http/request-id.ts';
import { bearerChallenge, permissionDenied } from './auth-errors.ts';
import { offersCredential, type Authenticator } from './authenticator.ts';
import { hasScope, type Identity } from './identity.ts';
import { requiredScope } from './route-scopes.ts';

export function identityOf(response: Response): Identity | undefined {
  const value: unknown = response.locals.identity;
  return typeof value === 'object' && value !== null ? (value as Identity) : undefined;
}

/**
 * Authenticates before anything else is read (a stranger's 10 MB body is never parsed) and
 * checks the route's scope. A 401 carries WWW-Authenticate, as RFC 9110 asks.
 */
export function authenticateRequests(auth: Authenticator): RequestHandler {
  return (request, response, next) => {
    auth.authenticate(request.headers).then(
      (identity) => {
        response.locals.identity = identity;
        const scope = requiredScope(request.method, request.path);
        if (scope && !hasScope(identity, scope)) {
          next(
            permissionDenied(
              `These credentials do not allow ${request.method} ${request.path} (scope "${scope}").`,
            ),
          );
          return;
        }
        next();
      },
      (error: unknown) => {
        if (isRagfleetError(error) && error.code === 'UNAUTHENTICATED') {
          response.setHeader('WWW-Authenticate', bearerChallenge(offersCredential(request.headers)));
        }
        next(error);
      },
    );
  };
}

/**
 * Enters the async request context with the authenticated identity, which the gRPC clients copy
 * into upstream metadata (tenant, user, tier). Must run after body parsing: body-parser resumes
 * the chain from socket events, outside any context entered before it.
 */
export const enterIdentityContext: RequestHandler = (_request, response, next) => {
  const identity = identityOf(response);
  if (!identity) {
    next(new Error('enterIdentityContext ran before authenticateRequests'));
    return;
  }
  response.locals.tenant = identity.tenant;
  const context: CallerContext = {
    requestId: requestIdOf(response),
    tenant: identity.tenant,
    user: identity.user,
    tier: identity.tier,
  };
  runWithRequestContext(context, next);
};
