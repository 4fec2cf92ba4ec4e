import { RagfleetError } from '@ragfleet/errors';
import * as schemas from '../openapi/recommend-schemas.ts';
import { weightsJson } from '../recommend-json.ts';
import { jsonBody, named, route, type GatewayRoute } from './route.ts';
import type { RouteKit } from './route-kit.ts';
import { recommendationUpstreams, rollbackBody, weightsQuery } from './subject-inputs.ts';

const WEIGHTS_PATH = '/v1/admin/weights';

function present<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) {
    throw new RagfleetError('INTERNAL', 'Internal error', { internal: `${what} returned no weights` });
  }
  return value;
}

/**
 * The scorer's factor weights, for operators: every version with what it was fitted on, a fit
 * now (instead of waiting for the periodic one), and a rollback. Weights are the fleet's, not a
 * tenant's (learning pools every tenant's outcomes), hence the admin scope.
 */
export function adminWeightRoutes(kit: RouteKit): GatewayRoute[] {
  const weights = () => recommendationUpstreams(kit).weights;
  return [
    route({
      method: 'GET',
      path: WEIGHTS_PATH,
      operationId: 'listWeights',
      tag: 'admin',
      summary: 'Every factor weights version, newest first, with its origin and fit report; one is active.',
      access: 'admin',
      limits: 'request',
      query: weightsQuery,
      responses: { 200: { description: 'The versions.', json: named('WeightsList', schemas.weightsList) } },
      async handle({ query, response, signal }) {
        const { versions } = await weights().listWeights({ limit: query.limit ?? 0 }, { signal });
        response.json({ versions: versions.map(weightsJson) });
      },
    }),
    route({
      method: 'POST',
      path: `${WEIGHTS_PATH}/fit`,
      operationId: 'fitWeights',
      tag: 'admin',
      summary: 'Fit new weights from the measured outcomes now; published to every scorer when they changed.',
      description: 'Fewer measured outcomes than the minimum is a 409 FAILED_PRECONDITION.',
      access: 'admin',
      limits: 'request',
      responses: {
        200: { description: 'The fitted version.', json: named('FitWeightsResponse', schemas.fitResponse) },
      },
      errors: [409],
      async handle({ response, signal }) {
        const fitted = await weights().fitWeights({ signal });
        response.json({
          weights: weightsJson(present(fitted.weights, 'FitWeights')),
          changed: fitted.changed,
        });
      },
    }),
    route({
      method: 'POST',
      path: `${WEIGHTS_PATH}/rollback`,
      operationId: 'rollbackWeights',
      tag: 'admin',
      summary: 'Make an earlier weights version active again (published like a new fit).',
      access: 'admin',
      limits: 'request',
      body: jsonBody('RollbackWeights', rollbackBody),
      responses: {
        200: {
          description: 'The version now active.',
          json: named('WeightsResponse', schemas.weightsResponse),
        },
      },
      errors: [404],
      async handle({ body, response, signal }) {
        const { weights: restored } = await weights().rollbackWeights(body.version, { signal });
        response.json({ weights: weightsJson(present(restored, 'RollbackWeights')) });
      },
    }),
  ];
}
