import { RagfleetError } from '@ragfleet/errors';
import { z } from 'zod';
import { TENANT_ID } from '../auth/identity.ts';
import { named, route, type GatewayRoute } from './route.ts';
import type { RouteKit } from './route-kit.ts';

export const POPULAR_QUESTIONS_PATH = '/v1/admin/questions/top';
export const MAX_POPULAR_LIMIT = 1_000;

export const popularQuestionsQuery = z.object({
  tenant: z
    .string()
    .regex(TENANT_ID, 'letters, digits, _ and - only (1-64)')
    .optional()
    .meta({ description: "Whose questions; default: the caller's tenant." }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_POPULAR_LIMIT)
    .default(100)
    .meta({ description: `How many, most asked first (1-${MAX_POPULAR_LIMIT}, default 100).` }),
});

export const popularQuestionsResponse = z.object({
  tenant: z.string(),
  half_life_seconds: z.int().meta({ description: 'A hit weighs half as much after this long.' }),
  questions: z.array(
    z.object({
      question: z.string().meta({ description: 'Trimmed, spaces collapsed, lower-case.' }),
      score: z.number().meta({ description: 'Sum of its hits, each halved every half-life since.' }),
    }),
  ),
});

/**
 * GET /v1/admin/questions/top: a tenant's most asked questions, for `ragfleet warm` to replay.
 * Admin scope, as the key routes: the list shows what a tenant's users ask.
 */
export function popularQuestionRoutes(kit: Pick<RouteKit, 'popularQuestions'>): GatewayRoute[] {
  return [
    route({
      method: 'GET',
      path: POPULAR_QUESTIONS_PATH,
      operationId: 'getTopQuestions',
      tag: 'admin',
      summary: "A tenant's most asked questions (POST /v1/rag and WebSocket asks), with decayed counts.",
      description:
        'Each hit counts 1 when asked and halves every GATEWAY_POPULAR_HALF_LIFE_SECONDS; questions ' +
        'are normalized (trimmed, spaces collapsed, lower-case). Asks sent with `X-Ragfleet-Warm` ' +
        '(the cache warmer) are not counted.',
      access: 'admin',
      limits: 'request',
      query: popularQuestionsQuery,
      responses: {
        200: { description: 'The questions.', json: named('TopQuestions', popularQuestionsResponse) },
      },
      async handle({ query, identity, response }) {
        const popular = kit.popularQuestions;
        if (!popular) {
          throw new RagfleetError('SERVICE_UNAVAILABLE', 'Question counts are not kept by this gateway.');
        }
        const tenant = query.tenant ?? identity?.tenant ?? '';
        let questions;
        try {
          questions = await popular.top(tenant, query.limit);
        } catch (error) {
          throw new RagfleetError('SERVICE_UNAVAILABLE', 'The question counts cannot be read now.', {
            retryable: true,
            internal: (error as Error).message,
          });
        }
        response.json({ tenant, half_life_seconds: popular.halfLifeSeconds, questions });
      },
    }),
  ];
}
