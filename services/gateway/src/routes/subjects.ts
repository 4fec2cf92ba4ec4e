import { RagfleetError } from '@ragfleet/errors';
import * as schemas from '../openapi/recommend-schemas.ts';
import { scoredJson, snapshotJson, subjectJson } from '../recommend-json.ts';
import { jsonBody, named, route, type GatewayRoute } from './route.ts';
import type { RouteKit } from './route-kit.ts';
import {
  candidatesOf,
  metricsBody,
  newSubjectBody,
  recommendationUpstreams,
  scoreBody,
  snapshotOf,
  subjectParams,
} from './subject-inputs.ts';
import { z } from 'zod';

export const SUBJECTS_PATH = '/v1/subjects';

const listQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: 'At most this many, 1 to 200 (default 50).' }),
});

function present<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) {
    throw new RagfleetError('INTERNAL', 'Internal error', { internal: `${what} returned nothing` });
  }
  return value;
}

/**
 * The things recommendations are about (a Lightning node) and their metric snapshots, kept by
 * the feedback service; scoring a batch of candidates for one goes to the scorer. A subject of
 * another tenant does not exist here: the service answers NOT_FOUND (404).
 */
export function subjectRoutes(kit: RouteKit): GatewayRoute[] {
  const upstreams = () => recommendationUpstreams(kit);
  return [
    route({
      method: 'POST',
      path: SUBJECTS_PATH,
      operationId: 'createSubject',
      tag: 'recommendations',
      summary:
        'Register a subject (a node) whose metrics follow a rule pack; it belongs to the caller’s tenant.',
      access: 'recommendations:write',
      limits: 'request',
      body: jsonBody('NewSubject', newSubjectBody),
      responses: {
        201: {
          description: 'Created.',
          json: named('SubjectResponse', schemas.subjectResponse),
          headers: { Location: { description: 'The subject resource.', schema: { type: 'string' } } },
        },
      },
      errors: [409, 502],
      async handle({ body, response, signal }) {
        const { subject } = await upstreams().subjects.createSubject(
          { id: body.id ?? '', pack: body.pack, name: body.name, labels: body.labels ?? {} },
          { signal },
        );
        const created = present(subject, 'CreateSubject');
        response.location(`${SUBJECTS_PATH}/${encodeURIComponent(created.id)}`);
        response.status(201).json({ subject: subjectJson(created) });
      },
    }),
    route({
      method: 'GET',
      path: SUBJECTS_PATH,
      operationId: 'listSubjects',
      tag: 'recommendations',
      summary: 'The tenant’s subjects.',
      access: 'recommendations:read',
      limits: 'request',
      query: listQuery,
      responses: { 200: { description: 'The subjects.', json: named('SubjectList', schemas.subjectList) } },
      async handle({ query, response, signal }) {
        const { subjects } = await upstreams().subjects.listSubjects({ limit: query.limit ?? 0 }, { signal });
        response.json({ subjects: subjects.map(subjectJson) });
      },
    }),
    route({
      method: 'GET',
      path: `${SUBJECTS_PATH}/:id`,
      operationId: 'getSubject',
      tag: 'recommendations',
      summary: 'One subject with its latest metric snapshot.',
      access: 'recommendations:read',
      limits: 'request',
      params: subjectParams,
      responses: {
        200: {
          description: 'The subject; `latest` is null before the first snapshot.',
          json: named('SubjectWithSnapshot', schemas.subjectWithSnapshot),
        },
      },
      errors: [404],
      async handle({ params, response, signal }) {
        const found = await upstreams().subjects.getSubject(params.id, { signal });
        response.json({
          subject: subjectJson(present(found.subject, 'GetSubject')),
          latest: found.latest ? snapshotJson(found.latest) : null,
        });
      },
    }),
    route({
      method: 'PUT',
      path: `${SUBJECTS_PATH}/:id/metrics`,
      operationId: 'putSubjectMetrics',
      tag: 'recommendations',
      summary: 'Store one time-stamped metric snapshot of the subject.',
      description:
        'Every value must be a finite number: a string ("NaN" included), null or an object is a 400 ' +
        'INVALID_ARGUMENT naming the field in `details.fields`. The feedback service checks the names against ' +
        'the pack’s metric schema too (an unknown metric or scope is a 400). The same snapshot (subject and ' +
        '`observed_at`) stored twice is stored once; an older one is kept in time order.',
      access: 'recommendations:write',
      limits: 'request',
      params: subjectParams,
      body: jsonBody('MetricSnapshot', metricsBody),
      responses: {
        200: {
          description: 'The subject as it now stands.',
          json: named('SubjectResponse', schemas.subjectResponse),
        },
      },
      errors: [404],
      async handle({ params, body, response, signal }) {
        const { subject } = await upstreams().subjects.putMetrics(
          { subjectId: params.id, snapshot: snapshotOf(body) },
          { signal },
        );
        response.json({ subject: subjectJson(present(subject, 'PutMetrics')) });
      },
    }),
    route({
      method: 'POST',
      path: `${SUBJECTS_PATH}/:id/score`,
      operationId: 'scoreCandidates',
      tag: 'recommendations',
      summary:
        'Score a batch of candidate recommendations for the subject, best first (nothing is recorded).',
      access: 'recommendations:read',
      limits: 'request',
      params: subjectParams,
      body: jsonBody('ScoreRequest', scoreBody),
      responses: {
        200: { description: 'Scored, best first.', json: named('ScoreResponse', schemas.scoreResponse) },
      },
      errors: [404],
      async handle({ params, body, response, signal }) {
        const scored = await upstreams().recommend.score(
          { subjectId: params.id, candidates: candidatesOf(body) },
          { signal },
        );
        response.json({ scored: scored.scored.map(scoredJson), weights_version: scored.weightsVersion });
      },
    }),
  ];
}
