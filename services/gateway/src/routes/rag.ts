import type { Request } from 'express';
import { z } from 'zod';
import { NDJSON_TYPE, NdjsonWriter } from '../http/ndjson-writer.ts';
import { streamEvents } from '../http/stream-events.ts';
import * as responses from '../openapi/response-schemas.ts';
import type { AnswerEvent } from '../public-json.ts';
import { GUARD_HEADER } from '../guard/prompt-guard.ts';
import { answerEvents, answerRequest, collectAnswer } from '../rag-answer.ts';
import { jsonBody, named, route, type GatewayRoute } from './route.ts';
import type { RouteKit } from './route-kit.ts';
import { ragQuestionFields } from './schemas.ts';

export const ragBody = z.strictObject({
  ...ragQuestionFields,
  stream: z
    .boolean()
    .optional()
    .meta({ description: 'Stream NDJSON events (also chosen by Accept: application/x-ndjson).' }),
});

/** NDJSON when the body says `stream: true`, or, without `stream`, when Accept asks for it. */
export function wantsStream(request: Request, stream: boolean | undefined): boolean {
  if (stream !== undefined) return stream;
  return (request.get('accept') ?? '').toLowerCase().includes(NDJSON_TYPE);
}

const RAG_ROUTE = '/v1/rag';

export function ragRoutes(kit: RouteKit): GatewayRoute[] {
  return [
    route({
      method: 'POST',
      path: RAG_ROUTE,
      operationId: 'rag',
      tag: 'rag',
      summary: 'Answer a question from the corpus, as one JSON object or an NDJSON event stream.',
      access: 'rag',
      // An answer holds an upstream stream whether or not the client reads it as NDJSON.
      limits: 'stream',
      body: jsonBody('RagRequest', ragBody),
      responses: {
        200: {
          description:
            'The answer. With `stream: true` or `Accept: application/x-ndjson`: one `AnswerEvent` per line, ending with `done` or `error`.',
          json: named('Answer', responses.answerJson),
          ndjson: named('AnswerEvent', responses.answerEvent),
          headers: {
            [GUARD_HEADER]: {
              description: '`flagged` when the prompt-injection guard (mode `flag`) flagged the question.',
              schema: { type: 'string', enum: ['flagged'] },
            },
          },
        },
      },
      errors: [402, 502, 504],
      async handle({ body, request, response, signal }) {
        const started = performance.now();
        if (kit.promptGuard.inspect(body.query, '/v1/rag').flagged)
          response.setHeader(GUARD_HEADER, 'flagged');
        kit.popularQuestions?.asked(body.query, request.headers);
        const upstream = kit.generate.answer(answerRequest(body), {
          signal,
          idleTimeoutMs: kit.streamIdleMs,
        });
        const events = answerEvents(upstream);
        if (!wantsStream(request, body.stream)) {
          response.json(await collectAnswer(events));
          return;
        }
        const writer = new NdjsonWriter(response, () =>
          kit.metrics.streamTimeToFirstByte.observe((performance.now() - started) / 1000),
        );
        await streamEvents(events, writer, kit, {
          route: RAG_ROUTE,
          started,
          failureEvent: (error): AnswerEvent => ({
            type: 'error',
            error: { code: error.code, message: error.message, retryable: error.retryable },
          }),
        });
      },
    }),
  ];
}
