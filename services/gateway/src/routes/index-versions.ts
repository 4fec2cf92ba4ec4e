import express, { type Router } from 'express';
import { RagfleetError } from '@ragfleet/errors';
import type { RetrieveV1 } from '@ragfleet/protos';
import { currentRequestContext, runWithRequestContext } from '@ragfleet/telemetry';
import { z } from 'zod';
import { TENANT_ID } from '../auth/identity.ts';
import { allowOnly } from '../http/method-not-allowed.ts';
import { parseInput } from '../http/validation.ts';
import type { RouteKit } from './route-kit.ts';

const count = (max: number) => z.number().int().min(0).max(max);

export const buildVersionBody = z.strictObject({
  /** Empty or absent: retrieve's default model. */
  model: z.string().max(200).optional(),
  chunking: z
    .strictObject({
      strategy: z.enum(['characters', 'sentences', 'markdown']).optional(),
      size: count(100_000).optional(),
      overlap: count(100_000).optional(),
      sentences: count(1_000).optional(),
      sentence_overlap: count(1_000).optional(),
    })
    .optional(),
});

export const activateVersionBody = z.strictObject({
  force: z.boolean().optional(),
  /** The tenant whose documents the labeled queries are searched in (the admin token has none). */
  tenant: z.string().regex(TENANT_ID, 'letters, digits, _ and - only (1-64)').optional(),
  queries: z
    .array(
      z.strictObject({
        query: z.string().trim().min(1).max(8_000),
        /** Document id -> graded relevance (above 0). */
        relevant: z.record(z.string().min(1).max(512), z.number().int().min(1).max(10)),
      }),
    )
    .max(1_000)
    .optional(),
});

const versionParams = z.object({ id: z.coerce.number().int().min(1).max(4_294_967_295) });

export function versionJson(version: RetrieveV1.IndexVersion__Output | null) {
  if (!version) return null;
  const { chunking } = version;
  return {
    id: version.id,
    model: version.model,
    state: version.state,
    chunking: chunking && {
      strategy: chunking.strategy,
      size: chunking.size,
      overlap: chunking.overlap,
      sentences: chunking.sentences,
      sentence_overlap: chunking.sentenceOverlap,
    },
    created_at: version.createdAt,
    documents_done: version.documentsDone,
    documents_total: version.documentsTotal,
    chunks: version.chunks,
    error: version.error,
  };
}

/**
 * Index versions (admin scope, see auth/route-scopes.ts): POST /v1/index/versions starts a shadow
 * build, GET reads its progress, POST .../:id/activate cuts over through the gate, POST
 * /v1/index/versions/rollback returns to the previous version.
 */
export function indexVersionRoutes(kit: RouteKit): Router {
  const router = express.Router();
  const versions = () => {
    if (!kit.indexVersions) {
      throw new RagfleetError('SERVICE_UNAVAILABLE', 'Index versions are not reachable from this gateway.');
    }
    return kit.indexVersions;
  };

  router
    .route('/v1/index/versions')
    .get(...kit.scoped, async (_request, response) => {
      const listed = await versions().list();
      response.json({
        versions: listed.versions.map(versionJson),
        active: listed.active,
        previous: listed.previous || null,
      });
    })
    .post(...kit.jsonInput, async (request, response) => {
      const body = parseInput(buildVersionBody, request.body ?? {}, 'body');
      const chunking = body.chunking ?? {};
      const { version } = await versions().build({
        model: body.model ?? '',
        chunking: {
          strategy: chunking.strategy ?? '',
          size: chunking.size ?? 0,
          overlap: chunking.overlap ?? 0,
          sentences: chunking.sentences ?? 0,
          sentenceOverlap: chunking.sentence_overlap ?? 0,
        },
      });
      if (version) response.location(`/v1/index/versions/${version.id}`);
      response.status(202).json({ version: versionJson(version) });
    })
    .all(allowOnly('GET', 'POST'));

  router
    .route('/v1/index/versions/rollback')
    .post(...kit.scoped, async (_request, response) => {
      const { version } = await versions().rollback();
      response.json({ version: versionJson(version) });
    })
    .all(allowOnly('POST'));

  router
    .route('/v1/index/versions/:id')
    .get(...kit.scoped, async (request, response) => {
      const { id } = parseInput(versionParams, request.params, 'path');
      const { version } = await versions().get(id);
      response.json({ version: versionJson(version) });
    })
    .all(allowOnly('GET'));

  router
    .route('/v1/index/versions/:id/activate')
    .post(...kit.jsonInput, async (request, response) => {
      const { id } = parseInput(versionParams, request.params, 'path');
      const body = parseInput(activateVersionBody, request.body ?? {}, 'body');
      const activate = () =>
        versions().activate({
          id,
          force: body.force ?? false,
          queries: (body.queries ?? []).map(({ query, relevant }) => ({
            query,
            relevant: Object.entries(relevant).map(([documentId, grade]) => ({ documentId, grade })),
          })),
        });
      // The gRPC client sends the tenant of the request context: the labeled set's tenant here.
      const context = currentRequestContext();
      const result =
        body.tenant && context
          ? await runWithRequestContext({ ...context, tenant: body.tenant }, activate)
          : await activate();
      response.json({
        version: versionJson(result.version),
        activated: result.activated,
        forced: result.forced,
        candidate_ndcg10: result.candidateNdcg10,
        active_ndcg10: result.activeNdcg10,
      });
    })
    .all(allowOnly('POST'));

  return router;
}
