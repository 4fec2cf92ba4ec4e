import express, { type Router } from 'express';
import { allowOnly } from '../http/method-not-allowed.ts';

export const OPENAPI_PATH = '/v1/openapi.json';

/** Serves the document built once at startup: it depends only on code and configuration. */
export function openapiRoutes(document: Record<string, unknown>): Router {
  const router = express.Router();
  const body = JSON.stringify(document);
  router
    .route(OPENAPI_PATH)
    .get((_request, response) => {
      response.type('application/json').send(body);
    })
    .all(allowOnly('GET'));
  return router;
}
