import express, { type Router } from 'express';
import { z } from 'zod';
import { allowOnly } from '../http/method-not-allowed.ts';
import { abortOnDisconnect } from '../http/disconnect.ts';
import { parseInput } from '../http/validation.ts';
import { hitJson } from '../public-json.ts';
import type { RouteKit } from './route-kit.ts';
import { nonBlankText, stringMap, topK } from './schemas.ts';

const searchBody = z.strictObject({
  query: nonBlankText(8_000),
  k: topK.optional(),
  filters: stringMap.optional(),
});

export function searchRoutes(kit: RouteKit): Router {
  const router = express.Router();
  router
    .route('/v1/search')
    .post(...kit.jsonInput, async (request, response) => {
      const body = parseInput(searchBody, request.body, 'body');
      const { hits } = await kit.retrieve.search(
        // k = 0 lets retrieve apply its own default.
        { query: body.query, k: body.k ?? 0, filters: body.filters ?? {} },
        { signal: abortOnDisconnect(response) },
      );
      response.json({ hits: hits.map(hitJson) });
    })
    .all(allowOnly('POST'));
  return router;
}
