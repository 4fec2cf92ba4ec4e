import { RagfleetError } from '@ragfleet/errors';
import type { RouterClient } from '@ragfleet/grpc';
import type { RouterV1 } from '@ragfleet/protos';
import { z } from 'zod';
import { named, route, type GatewayRoute } from './route.ts';
import type { RouteKit } from './route-kit.ts';

/** The router's ledger, as the usage route needs it. */
export type UsageUpstream = Pick<RouterClient, 'getUsage'>;

export const USAGE_PATH = '/v1/usage';
export const USAGE_GROUPS = ['model', 'user', 'key', 'day', 'task'] as const;

const time = (description: string) => z.iso.datetime({ offset: true }).optional().meta({ description });

export const usageQuery = z
  .object({
    from: time('Start, inclusive, RFC 3339 (e.g. 2026-11-01T00:00:00Z). Default: 30 days before `to`.'),
    to: time('End, exclusive, RFC 3339. Default: now.'),
    group_by: z.enum(USAGE_GROUPS).optional().meta({
      description:
        '`model` (provider/model, the default), `user`, `key` (API key id), `day` (UTC, YYYY-MM-DD) or `task` (answer, summary, suggestion, panel).',
    }),
  })
  .refine((query) => !query.from || !query.to || Date.parse(query.from) < Date.parse(query.to), {
    path: ['from'],
    message: 'must be before to',
  });

const usageGroup = z.object({
  key: z.string().meta({ description: 'The model (provider/model), user, API key id or UTC day.' }),
  generations: z.int(),
  input_tokens: z.int(),
  output_tokens: z.int(),
  cost_usd: z.number(),
  cached: z.int().meta({ description: 'Generations answered from the response cache.' }),
});

export const usageResponse = z.object({
  group_by: z.enum(USAGE_GROUPS),
  groups: z.array(usageGroup).meta({ description: 'Days in calendar order; otherwise dearest first.' }),
  total_cost_usd: z.number(),
  generations: z.int(),
});

function groupJson(group: RouterV1.UsageGroup__Output) {
  return {
    key: group.key,
    generations: Number(group.generations),
    input_tokens: Number(group.inputTokens),
    output_tokens: Number(group.outputTokens),
    cost_usd: group.costUsd,
    cached: Number(group.cached),
  };
}

/**
 * GET /v1/usage: the caller's tenant's spend from the router's cost ledger. Admin scope: the
 * answer names every user and key of the tenant and what each spent, which a key that may only
 * ask questions must not read. The tenant is the credential's, never a parameter.
 */
export function usageRoutes(kit: Pick<RouteKit, 'usage'>): GatewayRoute[] {
  return [
    route({
      method: 'GET',
      path: USAGE_PATH,
      operationId: 'getUsage',
      tag: 'admin',
      summary: "The caller's tenant's generations, tokens and cost, grouped by model, user, key or day.",
      description:
        'Read from the router’s ledger, which counts every finished generation once (from generate’s ' +
        'generation.completed events, so an answer appears within moments of its end).',
      access: 'admin',
      limits: 'request',
      query: usageQuery,
      responses: { 200: { description: 'The spend.', json: named('UsageResponse', usageResponse) } },
      errors: [502],
      async handle({ query, response, signal }) {
        if (!kit.usage) {
          throw new RagfleetError('SERVICE_UNAVAILABLE', 'Usage is not reachable from this gateway.', {
            internal: 'no router upstream configured',
          });
        }
        const groupBy = query.group_by ?? 'model';
        const usage = await kit.usage.getUsage(
          { from: query.from ?? '', to: query.to ?? '', groupBy },
          { signal },
        );
        response.json({
          group_by: groupBy,
          groups: usage.groups.map(groupJson),
          total_cost_usd: usage.totalCostUsd,
          generations: Number(usage.generations),
        });
      },
    }),
  ];
}
