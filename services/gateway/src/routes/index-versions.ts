import { RagfleetError } from '@ragfleet/errors';
import type { RetrieveV1 } from '@ragfleet/protos';
import { currentRequestContext, runWithRequestContext } from '@ragfleet/telemetry';
import { z } from 'zod';
import { TENANT_ID } from '../auth/identity.ts';
import * as responses from '../openapi/response-schemas.ts';
import { jsonBody, named, route, type GatewayRoute } from './route.ts';
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

const versionParams = z.object({
  id: z.coerce.number().int().min(1).max(4_294_967_295).meta({ description: 'The version id.' }),
});

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

const versionResponse = named('IndexVersionResponse', responses.indexVersionResponse);

/**
 * The gate refused a cutover: a 409 with both scores, so a client cannot mistake a refusal for
 * success (a 200 with `activated: false` was easy to read as done).
 */
export function gateRefused(id: number, candidate: number, active: number): RagfleetError {
  const score = (value: number) => value.toFixed(3);
  return new RagfleetError(
    'FAILED_PRECONDITION',
    `Index version ${id} was not activated: it scored nDCG@10 ${score(candidate)} on the labeled queries, ` +
      `below the active version's ${score(active)} by more than retrieve's INDEX_CUTOVER_TOLERANCE. ` +
      'Improve it, or activate with "force": true.',
    { details: { version: id, candidate_ndcg10: candidate, active_ndcg10: active } },
  );
}

/**
 * Index versions re-embed the whole corpus and move every tenant's search: operators only (the
 * admin scope). POST /v1/index/versions starts a shadow build, GET reads its progress, POST
 * .../:id/activate cuts over through the gate, POST /v1/index/versions/rollback returns to the
 * previous version.
 */
export function indexVersionRoutes(kit: RouteKit): GatewayRoute[] {
  const versions = () => {
    if (!kit.indexVersions) {
      throw new RagfleetError('SERVICE_UNAVAILABLE', 'Index versions are not reachable from this gateway.');
    }
    return kit.indexVersions;
  };
  const common = { tag: 'index', access: 'admin', limits: 'request' } as const;

  return [
    route({
      ...common,
      method: 'GET',
      path: '/v1/index/versions',
      operationId: 'listIndexVersions',
      summary: 'Every index version, the active one and the one a rollback returns to.',
      responses: {
        200: { description: 'The versions.', json: named('IndexVersionList', responses.indexVersionList) },
      },
      async handle({ response }) {
        const listed = await versions().list();
        response.json({
          versions: listed.versions.map(versionJson),
          active: listed.active,
          previous: listed.previous || null,
        });
      },
    }),
    route({
      ...common,
      method: 'POST',
      path: '/v1/index/versions',
      operationId: 'buildIndexVersion',
      summary: 'Start building a shadow index version (re-chunks and re-embeds the corpus).',
      body: jsonBody('BuildIndexVersion', buildVersionBody, false),
      responses: {
        202: {
          description: 'The build started.',
          json: versionResponse,
          headers: { Location: { description: 'The version resource.', schema: { type: 'string' } } },
        },
      },
      errors: [409],
      async handle({ body, response }) {
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
      },
    }),
    route({
      ...common,
      method: 'POST',
      path: '/v1/index/versions/rollback',
      operationId: 'rollbackIndexVersion',
      summary: 'Make the previous version active again.',
      responses: { 200: { description: 'Rolled back.', json: versionResponse } },
      errors: [409],
      async handle({ response }) {
        const { version } = await versions().rollback();
        response.json({ version: versionJson(version) });
      },
    }),
    route({
      ...common,
      method: 'GET',
      path: '/v1/index/versions/:id',
      operationId: 'getIndexVersion',
      summary: 'One version and its build progress.',
      params: versionParams,
      responses: { 200: { description: 'The version.', json: versionResponse } },
      errors: [404],
      async handle({ params, response }) {
        const { version } = await versions().get(params.id);
        response.json({ version: versionJson(version) });
      },
    }),
    route({
      ...common,
      method: 'POST',
      path: '/v1/index/versions/:id/activate',
      operationId: 'activateIndexVersion',
      summary: 'Cut searches over to a ready version, through the quality gate unless forced.',
      params: versionParams,
      body: jsonBody('ActivateIndexVersion', activateVersionBody, false),
      description:
        'The gate searches the labeled `queries` in `tenant` on both versions and compares nDCG@10. A version ' +
        'that scores below the active one by more than the tolerance is refused with 409 `FAILED_PRECONDITION`, ' +
        '`details` holding `candidate_ndcg10` and `active_ndcg10`; `force: true` activates it anyway (`forced`). ' +
        'A version not ready, or already active, is a 409 too.',
      responses: {
        200: {
          description: 'Activated: the gate passed, or `force` overrode it.',
          json: named('ActivationResult', responses.activationResult),
        },
      },
      errors: [404, 409],
      async handle({ params, body, response }) {
        const activate = () =>
          versions().activate({
            id: params.id,
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
        if (!result.activated) throw gateRefused(params.id, result.candidateNdcg10, result.activeNdcg10);
        response.json({
          version: versionJson(result.version),
          activated: result.activated,
          forced: result.forced,
          candidate_ndcg10: result.candidateNdcg10,
          active_ndcg10: result.activeNdcg10,
        });
      },
    }),
  ];
}
