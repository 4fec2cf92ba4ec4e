import { RagfleetError } from '@ragfleet/errors';
import type { FeedbackV1 } from '@ragfleet/protos';
import { NdjsonWriter } from '../http/ndjson-writer.ts';
import { streamEvents } from '../http/stream-events.ts';
import * as schemas from '../openapi/recommend-schemas.ts';
import { recordJson } from '../recommend-json.ts';
import {
  collectRecommendations,
  RECOMMEND_TERMINAL,
  recommendEvents,
  truncatedRecommendations,
  type RecommendEvent,
} from '../recommend-stream.ts';
import { wantsStream } from './rag.ts';
import { jsonBody, named, route, type GatewayRoute } from './route.ts';
import type { RouteKit } from './route-kit.ts';
import {
  recommendationParams,
  recommendationUpstreams,
  recommendQuery,
  subjectParams,
  transitionBody,
} from './subject-inputs.ts';
import { SUBJECTS_PATH } from './subjects.ts';

const RECOMMEND_ROUTE = `${SUBJECTS_PATH}/:id/recommendations`;
export const RECOMMENDATIONS_PATH = '/v1/recommendations';

/** The lifecycle moves a caller may make, by the path's last segment. */
const TRANSITIONS: Array<{
  to: 'shown' | 'applied' | 'dismissed';
  stage: FeedbackV1.Stage;
  summary: string;
}> = [
  { to: 'shown', stage: 'STAGE_SHOWN', summary: 'Mark a recommendation as shown to its operator.' },
  {
    to: 'applied',
    stage: 'STAGE_APPLIED',
    summary: 'Mark a recommendation as applied; its impact is measured after the measurement delay.',
  },
  { to: 'dismissed', stage: 'STAGE_DISMISSED', summary: 'Dismiss a recommendation (a `note` may say why).' },
];

/** The error event that ends a recommendation stream the gateway cut short. */
function failureEvent(error: RagfleetError): RecommendEvent {
  return {
    type: 'error',
    progress: null,
    error: { code: error.code, message: error.message, retryable: error.retryable },
  };
}

export function recommendationRoutes(kit: RouteKit): GatewayRoute[] {
  const upstreams = () => recommendationUpstreams(kit);
  return [
    route({
      method: 'GET',
      path: RECOMMEND_ROUTE,
      operationId: 'recommend',
      tag: 'recommendations',
      summary:
        'Recommendations for the subject: rule and model candidates, scored, as JSON or an NDJSON stream.',
      description:
        'Streamed (`?stream=true` or `Accept: application/x-ndjson`), one `RecommendEvent` per line with its ' +
        '`progress`: `status` (0), `subject_info` (25), `rule_recommendations` (50), `ai_recommendations` (90), ' +
        '`complete` (100). A source that could not run (the model chain failed) carries `error` and the stream ' +
        'still completes. Every recommendation is recorded by the feedback service before it is sent, so its id ' +
        'works with `/v1/recommendations/{id}`. The model is chosen for the caller’s tier.',
      access: 'recommendations:read',
      // The pipeline holds an upstream stream (and perhaps a model call) whether or not it is streamed.
      limits: 'stream',
      params: subjectParams,
      query: recommendQuery,
      responses: {
        200: {
          description:
            'All recommendations with the weights version and dropped/merged counts; streamed, one ' +
            '`RecommendEvent` per line ending with `complete` (or `error`).',
          json: named('Recommendations', schemas.recommendationsJson),
          ndjson: named('RecommendEvent', schemas.recommendEvent),
        },
      },
      errors: [404, 502, 504],
      async handle({ params, query, identity, request, response, signal }) {
        const started = performance.now();
        const upstream = upstreams().recommend.recommend(
          {
            subjectId: params.id,
            includeModel: query.include_model ?? true,
            limit: query.limit ?? 0,
            tier: identity?.tier ?? '',
          },
          { signal, idleTimeoutMs: kit.streamIdleMs },
        );
        const events = recommendEvents(upstream);
        if (!wantsStream(request, query.stream)) {
          response.json(await collectRecommendations(events));
          return;
        }
        const writer = new NdjsonWriter(response, () =>
          kit.metrics.streamTimeToFirstByte.observe((performance.now() - started) / 1000),
        );
        await streamEvents(events, writer, kit, {
          route: RECOMMEND_ROUTE,
          started,
          failureEvent,
          terminalType: RECOMMEND_TERMINAL,
          truncated: truncatedRecommendations,
        });
      },
    }),
    route({
      method: 'GET',
      path: `${RECOMMENDATIONS_PATH}/:id`,
      operationId: 'getRecommendation',
      tag: 'recommendations',
      summary: 'One recommendation with its stage, stage history (when, who) and measured outcome.',
      access: 'recommendations:read',
      limits: 'request',
      params: recommendationParams,
      responses: {
        200: {
          description: 'The record.',
          json: named('RecommendationRecordResponse', schemas.recordResponse),
        },
      },
      errors: [404],
      async handle({ params, response, signal }) {
        const { record } = await upstreams().feedback.getRecommendation(params.id, { signal });
        if (!record)
          throw new RagfleetError('INTERNAL', 'Internal error', { internal: 'no record returned' });
        response.json({ record: recordJson(record) });
      },
    }),
    ...TRANSITIONS.map(({ to, stage, summary }) =>
      route({
        method: 'POST',
        path: `${RECOMMENDATIONS_PATH}/:id/${to}`,
        operationId: `mark${to[0]?.toUpperCase()}${to.slice(1)}`,
        tag: 'recommendations',
        summary,
        description:
          'Generated → shown → applied or dismissed (applied and dismissed may follow generated too); the caller ' +
          'is recorded as who acted. Repeating the current stage changes nothing; a move the lifecycle forbids ' +
          '(applying a dismissed one) is a 409 FAILED_PRECONDITION.',
        access: 'recommendations:write',
        limits: 'request',
        params: recommendationParams,
        body: jsonBody('TransitionRequest', transitionBody, false),
        responses: {
          200: {
            description: 'The record after the move.',
            json: named('RecommendationRecordResponse', schemas.recordResponse),
          },
        },
        errors: [404, 409],
        async handle({ params, body, response, signal }) {
          const { record } = await upstreams().feedback.transition(
            { id: params.id, to: stage, note: body.note ?? '' },
            { signal },
          );
          if (!record)
            throw new RagfleetError('INTERNAL', 'Internal error', { internal: 'no record returned' });
          response.json({ record: recordJson(record) });
        },
      }),
    ),
  ];
}
