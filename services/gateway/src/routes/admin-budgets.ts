import { RagfleetError, fieldDetails } from '@ragfleet/errors';
import type { RouterClient } from '@ragfleet/grpc';
import type { RouterV1 } from '@ragfleet/protos';
import { z } from 'zod';
import { IDENTIFIER, TENANT_ID } from '../auth/identity.ts';
import { parseInput } from '../http/validation.ts';
import { jsonBody, named, route, type GatewayRoute, type RouteBody } from './route.ts';
import type { RouteKit } from './route-kit.ts';

/** The router's budget administration, as these routes need it. */
export type BudgetUpstream = Pick<RouterClient, 'setBudget' | 'listBudgets' | 'deleteBudget'>;

export const BUDGETS_PATH = '/v1/admin/budgets';
export const BUDGET_SCOPES = ['tenant', 'key', 'user'] as const;
export const BUDGET_PERIODS = ['day', 'month'] as const;
/** The largest limit @ragfleet/budgets accepts (MAX_USD): beyond it a limit is a typo, not a budget. */
export const MAX_BUDGET_USD = 1e9;

const tenant = z
  .string()
  .regex(TENANT_ID, 'letters, digits, _ and - only (1-64)')
  .meta({ description: 'The tenant whose spend is limited.' });

const targetFields = {
  tenant,
  scope: z.enum(BUDGET_SCOPES).default('tenant').meta({
    description:
      '`tenant` (the whole tenant, the default), or one API `key` or one `user` of it, named by `id`.',
  }),
  id: z.string().regex(IDENTIFIER, 'letters, digits and ._@:- only (1-128)').optional().meta({
    description: 'The API key id or the user; required for the key and user scopes, absent for tenant.',
  }),
  period: z
    .enum(BUDGET_PERIODS)
    .meta({ description: 'UTC `day` or `month`: when the spend starts again from 0.' }),
};

/** An id exactly when the scope is a key or a user: a tenant budget with an id is a mistake. */
function idMatchesScope(target: { scope: string; id?: string | undefined }): boolean {
  return target.scope === 'tenant' ? target.id === undefined : target.id !== undefined;
}
const idRule = {
  path: ['id'],
  message: 'required for the key and user scopes, and must be absent for the tenant scope',
};

export const newBudgetBody = z
  .strictObject({
    ...targetFields,
    limit_usd: z
      .number()
      .min(0)
      .max(MAX_BUDGET_USD)
      .meta({ description: 'The limit in USD for the period (0 stops all spending).' }),
  })
  .refine(idMatchesScope, idRule);

/** The one budget DELETE names, in its query or in its body. */
export const budgetTarget = z.strictObject(targetFields).refine(idMatchesScope, idRule);

/** Documents DELETE's query; the handler validates it with budgetTarget. */
const budgetTargetQuery = z.strictObject({
  tenant: tenant.optional(),
  scope: z.enum(BUDGET_SCOPES).optional(),
  id: targetFields.id,
  period: targetFields.period.optional(),
});

export const budgetsQuery = z.strictObject({ tenant });

export const budgetJson = z.object({
  tenant: z.string(),
  scope: z.enum(BUDGET_SCOPES),
  id: z.string().nullable().meta({ description: 'The key id or user; null for a tenant budget.' }),
  period: z.enum(BUDGET_PERIODS),
  limit_usd: z.number(),
  spent_usd: z.number().meta({ description: 'Settled spend in the current period.' }),
  reserved_usd: z.number().meta({ description: 'Held by generations still running.' }),
  remaining_usd: z.number(),
  reset_at: z.string().meta({ description: 'RFC 3339: the next UTC day or month boundary.' }),
});

export const budgetList = z.object({ tenant: z.string(), budgets: z.array(budgetJson) });

function statusJson(status: RouterV1.BudgetStatus__Output): z.output<typeof budgetJson> {
  const scope = status.scope;
  const kind = (BUDGET_SCOPES as readonly string[]).includes(scope?.kind ?? '')
    ? (scope?.kind as (typeof BUDGET_SCOPES)[number])
    : 'tenant';
  return {
    tenant: scope?.tenant ?? '',
    scope: kind,
    id: kind === 'tenant' ? null : scope?.id || null,
    period: status.period === 'month' ? 'month' : 'day',
    limit_usd: status.limitUsd,
    spent_usd: status.spentUsd,
    reserved_usd: status.reservedUsd,
    remaining_usd: status.remainingUsd,
    reset_at: status.resetAt,
  };
}

function scopeOf(target: { tenant: string; scope: string; id?: string | undefined }): RouterV1.BudgetScope {
  return { tenant: target.tenant, kind: target.scope, id: target.id ?? '' };
}

const describeTarget = (target: z.output<typeof budgetTarget>) =>
  target.scope === 'tenant'
    ? `tenant ${target.tenant}`
    : `${target.scope} ${target.id ?? ''} of tenant ${target.tenant}`;

/**
 * DELETE's optional body: documented as a BudgetTarget, but read as any JSON object here and
 * validated by the handler, which only then knows whether the query names the budget instead.
 */
const deleteBody: RouteBody<Record<string, unknown>> = {
  schemas: [named('BudgetTarget', budgetTarget)],
  required: false,
  parse: (value) => parseInput(z.record(z.string(), z.unknown()), value, 'body'),
};

/** DELETE names its budget in the query or in a JSON body, not half in each. */
function deleteTarget(query: Record<string, unknown>, body: Record<string, unknown>) {
  const inQuery = Object.keys(query).length > 0;
  const inBody = Object.keys(body).length > 0;
  if (inQuery && inBody) {
    throw new RagfleetError('INVALID_ARGUMENT', 'Name the budget in the query or in the body, not both.', {
      details: fieldDetails([{ field: 'body', message: 'must be empty when the query names the budget' }]),
    });
  }
  return inBody ? parseInput(budgetTarget, body, 'body') : parseInput(budgetTarget, query, 'query');
}

/**
 * Spend limits in USD per tenant, API key or user, per UTC day or month, kept by the router
 * (which every generation reserves against). Operator routes (admin scope): the tenant is named,
 * as for key administration.
 */
export function adminBudgetRoutes(kit: Pick<RouteKit, 'budgets'>): GatewayRoute[] {
  const router = () => {
    if (!kit.budgets) {
      throw new RagfleetError('SERVICE_UNAVAILABLE', 'Budgets are not reachable from this gateway.', {
        internal: 'no router upstream configured',
      });
    }
    return kit.budgets;
  };
  return [
    route({
      method: 'POST',
      path: BUDGETS_PATH,
      operationId: 'setBudget',
      tag: 'admin',
      summary: "Set (create or replace) a budget: a tenant's, one API key's or one user's, per day or month.",
      description:
        'The spend already counted in the period stays counted: a budget set mid-day sees what was spent.',
      access: 'admin',
      limits: 'request',
      body: jsonBody('NewBudget', newBudgetBody),
      responses: { 201: { description: 'Set; the budget as it stands.', json: named('Budget', budgetJson) } },
      errors: [502],
      async handle({ body, response, signal }) {
        const { budget } = await router().setBudget(
          { scope: scopeOf(body), period: body.period, limitUsd: body.limit_usd },
          { signal },
        );
        if (!budget) throw new RagfleetError('INTERNAL', 'The router answered without the budget.');
        response.status(201).json(statusJson(budget));
      },
    }),
    route({
      method: 'GET',
      path: BUDGETS_PATH,
      operationId: 'listBudgets',
      tag: 'admin',
      summary: "A tenant's budgets (its own, its keys' and its users'), with this period's spend.",
      access: 'admin',
      limits: 'request',
      query: budgetsQuery,
      responses: { 200: { description: 'The budgets.', json: named('BudgetList', budgetList) } },
      errors: [502],
      async handle({ query, response, signal }) {
        const { budgets } = await router().listBudgets({ tenant: query.tenant }, { signal });
        response.json({ tenant: query.tenant, budgets: budgets.map(statusJson) });
      },
    }),
    route<undefined, Record<string, unknown>, Record<string, unknown>>({
      method: 'DELETE',
      path: BUDGETS_PATH,
      operationId: 'deleteBudget',
      tag: 'admin',
      summary: 'Remove one budget, named in the query or in a JSON body (tenant, scope, id, period).',
      description: 'The spend already counted stays counted; only the limit goes.',
      access: 'admin',
      limits: 'request',
      query: budgetTargetQuery,
      body: deleteBody,
      responses: { 204: { description: 'Deleted.' } },
      errors: [404, 502],
      async handle({ query, body, response, signal }) {
        const target = deleteTarget(query, body);
        const { deleted } = await router().deleteBudget(
          { scope: scopeOf(target), period: target.period },
          { signal },
        );
        if (!deleted) {
          throw new RagfleetError('NOT_FOUND', `No ${target.period} budget for ${describeTarget(target)}.`);
        }
        response.status(204).end();
      },
    }),
  ];
}
