import * as responses from '../openapi/response-schemas.ts';
import { named, route, type GatewayRoute } from './route.ts';
import type { RouteKit } from './route-kit.ts';

/**
 * Probes, open to anyone and never rate limited, on the public port so a load balancer can use
 * them. Metrics are not here: they are served on the ops port only, like every other service's.
 */
export function healthRoutes(kit: Pick<RouteKit, 'readiness'>): GatewayRoute[] {
  const common = { tag: 'ops', access: 'public', limits: 'none', method: 'GET' } as const;
  return [
    route({
      ...common,
      path: '/healthz',
      operationId: 'liveness',
      summary: 'Liveness: the process answers.',
      responses: {
        200: { description: 'Alive.', json: { type: 'object', properties: { status: { const: 'ok' } } } },
      },
      handle({ response }) {
        response.json({ status: 'ok' });
      },
    }),
    route({
      ...common,
      path: '/readyz',
      operationId: 'readiness',
      summary: 'Readiness: taking traffic and every upstream reachable.',
      responses: {
        200: { description: 'Ready.', json: named('Readiness', responses.readiness) },
        503: {
          description: 'Not ready (shutting down or an upstream unreachable).',
          json: named('Readiness', responses.readiness),
        },
      },
      async handle({ response }) {
        const { ready, checks } = await kit.readiness();
        response.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not_ready', checks });
      },
    }),
  ];
}
