import express, { type RequestHandler, type Router } from 'express';
import { z } from 'zod';
import { isRagfleetError } from '@ragfleet/errors';
import { allowOnly } from '../http/method-not-allowed.ts';
import { parseInput } from '../http/validation.ts';
import { bearerChallenge, permissionDenied } from './auth-errors.ts';
import { offersCredential, type Authenticator } from './authenticator.ts';
import { IDENTIFIER, SCOPES, TENANT_ID, TIERS, hasScope } from './identity.ts';
import { recordJson } from './key-record.ts';

export const newKeyBody = z.strictObject({
  tenant: z.string().regex(TENANT_ID, 'letters, digits, _ and - only (1-64)'),
  user: z.string().regex(IDENTIFIER, 'letters, digits and ._@:- only (1-128)').optional(),
  tier: z.enum(TIERS).default('free'),
  scopes: z.array(z.enum(SCOPES)).min(1).optional(),
});

export const keyParams = z.object({ id: z.string().regex(IDENTIFIER, 'not a key id') });

/** Only the admin token (or a key/token with the `admin` scope) passes; anyone else known gets 403. */
function requireAdmin(auth: Authenticator): RequestHandler {
  return (request, response, next) => {
    const check = async () => {
      if (!auth.required) {
        throw permissionDenied('Key administration is off: set GATEWAY_ADMIN_TOKEN to turn it on.');
      }
      const identity = await auth.authenticate(request.headers);
      if (!hasScope(identity, 'admin')) throw permissionDenied('Key administration needs the admin token.');
      response.locals.identity = identity;
    };
    check().then(
      () => next(),
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
 * POST /v1/admin/keys creates a key and returns it in clear exactly once; DELETE
 * /v1/admin/keys/:id revokes one. Keys from the key file are managed in the file instead.
 */
export function adminRoutes(auth: Authenticator, jsonInput: RequestHandler[]): Router {
  const router = express.Router();
  const admin = requireAdmin(auth);
  const directory = () => {
    if (!auth.keys) throw permissionDenied('API keys are not enabled on this gateway.');
    return auth.keys;
  };

  router
    .route('/v1/admin/keys')
    .post(admin, ...jsonInput, async (request, response) => {
      const body = parseInput(newKeyBody, request.body ?? {}, 'body');
      const { key, record } = await directory().create(body);
      response.location(`/v1/admin/keys/${encodeURIComponent(record.id)}`);
      response.setHeader('Cache-Control', 'no-store');
      response.status(201).json({ key, api_key: recordJson(record) });
    })
    .all(allowOnly('POST'));

  router
    .route('/v1/admin/keys/:id')
    .delete(admin, async (request, response) => {
      const { id } = parseInput(keyParams, request.params, 'path');
      await directory().revoke(id);
      response.json({ revoked: true, id });
    })
    .all(allowOnly('DELETE'));

  return router;
}
