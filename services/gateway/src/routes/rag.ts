import type { Request } from 'express';
import { z } from 'zod';
import { upstreamFailure } from '@ragfleet/grpc';
import { logError } from '../http/errors.ts';
import { NDJSON_TYPE, NdjsonWriter } from '../http/ndjson-writer.ts';
import * as responses from '../openapi/response-schemas.ts';
import type { AnswerEvent } from '../public-json.ts';
import { GUARD_HEADER } from '../guard/prompt-guard.ts';
import {
  answerEvents,
  answerRequest,
  collectAnswer,
  errorFromEvent,
  truncatedStreamError,
} from '../rag-answer.ts';
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

function wantsStream(request: Request, stream: boolean | undefined): boolean {
  if (stream !== undefined) return stream;
  return (request.get('accept') ?? '').toLowerCase().includes(NDJSON_TYPE);
}

const RAG_ROUTE = '/v1/rag';

/**
 * Writes events as NDJSON. Before the first byte an error still becomes a proper status and
 * envelope (thrown); after it, the stream ends with an explicit error event, never silently.
 * Those late error events are counted here: the response's status says 200.
 */
async function streamEvents(
  events: AsyncIterable<AnswerEvent>,
  writer: NdjsonWriter,
  kit: RouteKit,
  started: number,
): Promise<void> {
  let awaitingToken = true;
  try {
    for await (const event of events) {
      if (event.type === 'error' && !writer.started) throw errorFromEvent(event.error);
      if (event.type === 'token' && awaitingToken) {
        awaitingToken = false;
        kit.metrics.timeToFirstToken.observe({ transport: 'ndjson' }, (performance.now() - started) / 1000);
      }
      await writer.write(event);
      if (event.type === 'error') kit.metrics.errors.inc({ route: RAG_ROUTE, code: event.error.code });
      if (event.type === 'done' || event.type === 'error') return;
      if (writer.closed) return;
    }
    throw truncatedStreamError();
  } catch (caught) {
    if (writer.closed) return;
    if (!writer.started) throw caught;
    const error = upstreamFailure(caught);
    logError(kit.logger, error, { route: RAG_ROUTE, phase: 'mid-stream' });
    await writer.write({
      type: 'error',
      error: { code: error.code, message: error.message, retryable: error.retryable },
    });
    kit.metrics.errors.inc({ route: RAG_ROUTE, code: error.code });
  } finally {
    writer.end();
  }
}

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
        await streamEvents(events, writer, kit, started);
      },
    }),
  ];
}
