import express, { type Request, type Router } from 'express';
import { z } from 'zod';
import { abortOnDisconnect } from '../http/disconnect.ts';
import { normalizeError, logError } from '../http/errors.ts';
import { allowOnly } from '../http/method-not-allowed.ts';
import { NDJSON_TYPE, NdjsonWriter } from '../http/ndjson-writer.ts';
import { parseInput } from '../http/validation.ts';
import type { AnswerEvent } from '../public-json.ts';
import { GUARD_HEADER } from '../guard/prompt-guard.ts';
import {
  answerEvents,
  answerRequest,
  collectAnswer,
  errorFromEvent,
  truncatedStreamError,
} from '../rag-answer.ts';
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

/**
 * Writes events as NDJSON. Before the first byte an error still becomes a proper status and
 * envelope (thrown); after it, the stream ends with an explicit error event, never silently.
 */
async function streamEvents(
  events: AsyncIterable<AnswerEvent>,
  writer: NdjsonWriter,
  kit: RouteKit,
): Promise<void> {
  try {
    for await (const event of events) {
      if (event.type === 'error' && !writer.started) throw errorFromEvent(event.error);
      await writer.write(event);
      if (event.type === 'done' || event.type === 'error') return;
      if (writer.closed) return;
    }
    throw truncatedStreamError();
  } catch (caught) {
    if (writer.closed) return;
    if (!writer.started) throw caught;
    const error = normalizeError(caught);
    logError(kit.logger, error, { route: '/v1/rag', phase: 'mid-stream' });
    await writer.write({
      type: 'error',
      error: { code: error.code, message: error.message, retryable: error.retryable },
    });
  } finally {
    writer.end();
  }
}

export function ragRoutes(kit: RouteKit): Router {
  const router = express.Router();
  router
    .route('/v1/rag')
    .post(...kit.jsonInput, async (request, response) => {
      const started = performance.now();
      const body = parseInput(ragBody, request.body, 'body');
      if (kit.promptGuard.inspect(body.query, '/v1/rag').flagged) response.setHeader(GUARD_HEADER, 'flagged');
      const signal = abortOnDisconnect(response);
      const upstream = kit.generate.answer(answerRequest(body), { signal });
      const events = answerEvents(upstream);
      if (!wantsStream(request, body.stream)) {
        response.json(await collectAnswer(events));
        return;
      }
      const writer = new NdjsonWriter(response, () =>
        kit.metrics.streamTimeToFirstByte.observe((performance.now() - started) / 1000),
      );
      await streamEvents(events, writer, kit);
    })
    .all(allowOnly('POST'));
  return router;
}
