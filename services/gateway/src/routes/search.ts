import type { RetrieveV1 } from '@ragfleet/protos';
import { z } from 'zod';
import * as responses from '../openapi/response-schemas.ts';
import { hitJson } from '../public-json.ts';
import { jsonBody, named, route, type GatewayRoute } from './route.ts';
import type { RouteKit } from './route-kit.ts';
import { nonBlankText, searchOptions, topK } from './schemas.ts';

export const searchBody = z.strictObject({
  query: nonBlankText(8_000),
  k: topK.optional(),
  ...searchOptions.shape,
});

type SearchBody = z.output<typeof searchBody>;

/** The public (snake_case) search options as retrieve's request fields; retrieve applies defaults. */
function toRetrieveRequest(body: SearchBody): RetrieveV1.SearchRequest {
  const { filter } = body;
  return {
    query: body.query,
    // k = 0 lets retrieve apply its own default, and so do the empty and zero values below.
    k: body.k ?? 0,
    filters: filter?.metadata ?? {},
    mode: body.mode ?? '',
    fusion: body.fusion ?? '',
    weights: body.weights ?? null,
    rrfK: body.rrf_k ?? 0,
    rerank: body.rerank ?? '',
    mmrLambda: body.mmr_lambda ?? 0,
    candidates: body.candidates ?? 0,
    filter: filter
      ? {
          tags: filter.tags ?? [],
          lang: filter.lang ?? '',
          publishedFrom: filter.published_from ?? '',
          publishedTo: filter.published_to ?? '',
          documentIds: filter.document_ids ?? [],
        }
      : null,
  };
}

/** A hit with its component scores; only a retrieve that reports its mode reports them. */
function searchHitJson(hit: RetrieveV1.SearchHit__Output, reportsScores: boolean) {
  if (!reportsScores) return hitJson(hit);
  return {
    ...hitJson(hit),
    scores: {
      fused: hit.fusedScore,
      vector: hit.vectorScore,
      vector_rank: hit.vectorRank,
      keyword: hit.keywordScore,
      keyword_rank: hit.keywordRank,
    },
  };
}

export function searchRoutes(kit: RouteKit): GatewayRoute[] {
  return [
    route({
      method: 'POST',
      path: '/v1/search',
      operationId: 'search',
      tag: 'search',
      summary: 'The best-matching chunks for a query.',
      access: 'search',
      limits: 'request',
      body: jsonBody('SearchRequest', searchBody),
      responses: {
        200: {
          description: 'Hits, best first, and the settings used.',
          json: named('SearchResponse', responses.searchResponse),
        },
      },
      errors: [504],
      async handle({ body, response, signal }) {
        const result = await kit.retrieve.search(toRetrieveRequest(body), { signal });
        const reportsScores = result.mode !== '';
        response.json({
          hits: result.hits.map((hit) => searchHitJson(hit, reportsScores)),
          ...(reportsScores
            ? {
                mode: result.mode,
                fusion: result.fusion,
                weights: result.weights,
                rrf_k: result.rrfK,
                rerank: result.rerank,
                mmr_lambda: result.mmrLambda,
                candidates: result.candidates,
              }
            : {}),
        });
      },
    }),
  ];
}
