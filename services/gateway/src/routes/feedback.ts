import type { FeedbackV1 } from '@ragfleet/protos';
import * as schemas from '../openapi/recommend-schemas.ts';
import { feedbackStatsJson } from '../recommend-json.ts';
import { jsonBody, named, route, type GatewayRoute } from './route.ts';
import type { RouteKit } from './route-kit.ts';
import { answerFeedbackBody, answerParams, recommendationUpstreams, statsQuery } from './subject-inputs.ts';

const RATINGS: Record<'up' | 'down', FeedbackV1.Rating> = { up: 'RATING_UP', down: 'RATING_DOWN' };

/** What the tenant's recommendations achieved, and thumbs up or down on RAG and chat answers. */
export function feedbackRoutes(kit: RouteKit): GatewayRoute[] {
  const upstreams = () => recommendationUpstreams(kit);
  return [
    route({
      method: 'GET',
      path: '/v1/feedback/stats',
      operationId: 'feedbackStats',
      tag: 'recommendations',
      summary:
        'Per category and overall: counts by stage, success rate, mean effectiveness, acceptance rate; the top ' +
        'effective recommendations; answer ratings.',
      access: 'recommendations:read',
      limits: 'request',
      query: statsQuery,
      responses: {
        200: { description: 'The tenant’s statistics.', json: named('FeedbackStats', schemas.feedbackStats) },
      },
      async handle({ query, response, signal }) {
        response.json(
          feedbackStatsJson(await upstreams().feedback.getStats({ top: query.top ?? 0 }, { signal })),
        );
      },
    }),
    route({
      method: 'POST',
      path: '/v1/answers/:id/feedback',
      operationId: 'answerFeedback',
      tag: 'feedback',
      summary: 'Rate a RAG or chat answer, thumbs up or down with an optional comment.',
      description:
        'A second rating of the same answer by the same caller replaces the first (`replaced: true`). Stored by the ' +
        'feedback service and published as `answer.feedback`.',
      access: 'feedback',
      limits: 'request',
      params: answerParams,
      body: jsonBody('AnswerFeedback', answerFeedbackBody),
      responses: {
        201: {
          description: 'Recorded.',
          json: named('AnswerFeedbackResponse', schemas.answerFeedbackResponse),
        },
      },
      async handle({ params, body, response, signal }) {
        const recorded = await upstreams().feedback.recordAnswerFeedback(
          {
            answerId: params.id,
            rating: RATINGS[body.rating],
            comment: body.comment ?? '',
            kind: body.kind ?? 'rag',
            sessionId: body.session_id ?? '',
          },
          { signal },
        );
        response.status(201).json({
          id: recorded.id,
          recorded_at: recorded.recordedAt || null,
          replaced: recorded.replaced,
        });
      },
    }),
  ];
}
