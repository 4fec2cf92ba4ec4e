import express, { type Router } from 'express';
import { RagfleetError } from '@ragfleet/errors';
import { allowOnly } from '../http/method-not-allowed.ts';
import { parseInput } from '../http/validation.ts';
import { jobJson } from '../public-json.ts';
import type { RouteKit } from './route-kit.ts';
import { idParams } from './schemas.ts';

export function jobRoutes(kit: RouteKit): Router {
  const router = express.Router();
  router
    .route('/v1/jobs/:id')
    .get(...kit.scoped, async (request, response) => {
      const { id } = parseInput(idParams, request.params, 'path');
      const { job } = await kit.retrieve.getJob(id);
      if (!job) throw new RagfleetError('NOT_FOUND', `Job "${id}" does not exist.`);
      response.json({ job: jobJson(job) });
    })
    .all(allowOnly('GET'));
  return router;
}
