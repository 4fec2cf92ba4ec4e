import express, { type Router } from 'express';
import type { Registry } from '@ragfleet/telemetry';
import { allowOnly } from '../http/method-not-allowed.ts';
import type { Readiness } from '../upstreams.ts';

export interface HealthDeps {
  registry: Registry;
  readiness: () => Promise<Readiness>;
}

/** Probes and scrapes: not tenant-scoped, no body. */
export function healthRoutes(deps: HealthDeps): Router {
  const router = express.Router();
  router
    .route('/healthz')
    .get((_request, response) => {
      response.json({ status: 'ok' });
    })
    .all(allowOnly('GET'));
  router
    .route('/readyz')
    .get(async (_request, response) => {
      const { ready, checks } = await deps.readiness();
      response.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not_ready', checks });
    })
    .all(allowOnly('GET'));
  router
    .route('/metrics')
    .get(async (_request, response) => {
      response.type(deps.registry.contentType).send(await deps.registry.metrics());
    })
    .all(allowOnly('GET'));
  return router;
}
