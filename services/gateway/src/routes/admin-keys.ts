import { z } from 'zod';
import { permissionDenied } from '../auth/auth-errors.ts';
import { DEFAULT_TIER, IDENTIFIER, SCOPES, TENANT_ID, TIERS } from '../auth/identity.ts';
import { recordJson } from '../auth/key-record.ts';
import * as responses from '../openapi/response-schemas.ts';
import { jsonBody, named, route, type GatewayRoute } from './route.ts';
import type { RouteKit } from './route-kit.ts';

export const newKeyBody = z.strictObject({
  tenant: z.string().regex(TENANT_ID, 'letters, digits, _ and - only (1-64)'),
  user: z.string().regex(IDENTIFIER, 'letters, digits and ._@:- only (1-128)').optional(),
  tier: z.enum(TIERS).default(DEFAULT_TIER),
  scopes: z.array(z.enum(SCOPES)).min(1).optional(),
});

export const keyParams = z.object({
  id: z.string().regex(IDENTIFIER, 'not a key id').meta({ description: 'The key’s public id.' }),
});

/**
 * POST /v1/admin/keys creates a key and returns it in clear exactly once; DELETE
 * /v1/admin/keys/:id revokes one. Keys from the key file are managed in the file instead.
 */
export function adminKeyRoutes(kit: RouteKit): GatewayRoute[] {
  const directory = () => {
    if (!kit.keys) throw permissionDenied('API keys are not enabled on this gateway.');
    return kit.keys;
  };
  return [
    route({
      method: 'POST',
      path: '/v1/admin/keys',
      operationId: 'createApiKey',
      tag: 'admin',
      summary: 'Create an API key for a tenant; the key is in the answer once, never again.',
      access: 'admin',
      limits: 'request',
      body: jsonBody('NewApiKey', newKeyBody),
      responses: {
        201: {
          description: 'Created.',
          json: named('CreatedApiKey', responses.createdKey),
          headers: {
            Location: { description: 'The key resource (for revocation).', schema: { type: 'string' } },
            'Cache-Control': { description: 'Always `no-store`.', schema: { type: 'string' } },
          },
        },
      },
      async handle({ body, response }) {
        const { key, record } = await directory().create(body);
        response.location(`/v1/admin/keys/${encodeURIComponent(record.id)}`);
        response.setHeader('Cache-Control', 'no-store');
        response.status(201).json({ key, api_key: recordJson(record) });
      },
    }),
    route({
      method: 'DELETE',
      path: '/v1/admin/keys/:id',
      operationId: 'revokeApiKey',
      tag: 'admin',
      summary: 'Revoke a key created through this API (keys from the key file are managed there).',
      access: 'admin',
      limits: 'request',
      params: keyParams,
      responses: { 200: { description: 'Revoked.', json: named('RevokedApiKey', responses.revokedKey) } },
      errors: [404],
      async handle({ params, response }) {
        await directory().revoke(params.id);
        response.json({ revoked: true, id: params.id });
      },
    }),
  ];
}
