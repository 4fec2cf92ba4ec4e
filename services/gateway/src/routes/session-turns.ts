import type { Response } from 'express';
import { z } from 'zod';
import type { RagfleetError } from '@ragfleet/errors';
import { upstreamFailure } from '@ragfleet/grpc';
import { GUARD_HEADER } from '../guard/prompt-guard.ts';
import { NdjsonWriter } from '../http/ndjson-writer.ts';
import { streamEvents } from '../http/stream-events.ts';
import * as schemas from '../openapi/session-schemas.ts';
import type { TurnEvent } from '../session-json.ts';
import { collectTurn, gatewayTurnError, offsetError, turnEvents, turnRequest } from '../session-turn.ts';
import { wantsStream } from './rag.ts';
import { jsonBody, named, route, type GatewayRoute } from './route.ts';
import type { RouteKit } from './route-kit.ts';
import { nonBlankText, ragQuestionFields, resourceId } from './schemas.ts';
import { SESSIONS_PATH, sessionParams, sessionUpstream } from './sessions.ts';

/** As long as a `/v1/rag` question: a turn's message is one, asked with the history beside it. */
export const MAX_MESSAGE_CHARS = 8_000;

/** What a turn carries, over HTTP and WebSocket (`{"type":"chat"}`) alike. */
export const turnFields = {
  message: nonBlankText(MAX_MESSAGE_CHARS).meta({
    description: `The user’s message, at most ${MAX_MESSAGE_CHARS.toLocaleString('en')} characters.`,
    examples: ['What about its drawbacks?'],
  }),
  k: ragQuestionFields.k,
  filter: ragQuestionFields.filter,
  prompt_version: ragQuestionFields.prompt_version,
};

export const turnBody = z.strictObject({
  ...turnFields,
  stream: z
    .boolean()
    .optional()
    .meta({ description: 'Stream NDJSON events (also chosen by Accept: application/x-ndjson).' }),
});

export const turnParams = sessionParams.extend({
  turn: resourceId.meta({ description: 'The turn id, from the turn’s `started` event.' }),
});

export const resumeQuery = z.object({
  after: z
    .string()
    .regex(/^\d{1,9}$/, 'must be a non-negative integer')
    .transform(Number)
    .optional()
    .meta({ description: 'The last seq the client received; 0 (default) replays the turn from its start.' }),
});

const TURNS_ROUTE = `${SESSIONS_PATH}/:id/turns`;
const EVENTS_ROUTE = `${TURNS_ROUTE}/:turn/events`;

const turnEventSchema = named('TurnEvent', schemas.turnEvent);

async function writeTurnStream(
  events: AsyncIterable<TurnEvent>,
  kit: RouteKit,
  response: Response,
  route: string,
  started: number,
  resuming = false,
): Promise<void> {
  const writer = new NdjsonWriter(response, () =>
    kit.metrics.streamTimeToFirstByte.observe((performance.now() - started) / 1000),
  );
  await streamEvents(events, writer, kit, {
    route,
    started,
    failureEvent: (error: RagfleetError) => gatewayTurnError(error),
    // The session service ends a resume after the turn's end; past it would have been an error.
    mayEndWithoutTerminal: resuming,
  });
}

export function sessionTurnRoutes(kit: RouteKit): GatewayRoute[] {
  return [
    route({
      method: 'POST',
      path: TURNS_ROUTE,
      operationId: 'sessionTurn',
      tag: 'sessions',
      summary: 'Send a message: the answer uses the conversation as context, as JSON or an NDJSON stream.',
      description:
        'The follow-up is answered with the session’s summary and recent messages as history, and retrieval ' +
        'uses a standalone question rewritten from them. Streamed, every line is a `TurnEvent` with `seq`, ' +
        'starting with `started` (the `turn_id` to resume with); a dropped client resumes with ' +
        '`GET /v1/sessions/{id}/turns/{turn}/events?after=<last seq>`: the turn goes on without it. ' +
        'A second turn while one is running on the session is a 409 CONFLICT (retryable).',
      access: 'chat',
      limits: 'stream',
      params: sessionParams,
      body: jsonBody('TurnRequest', turnBody),
      responses: {
        200: {
          description:
            'The answer. With `stream: true` or `Accept: application/x-ndjson`: one `TurnEvent` per line, ending ' +
            'with `done` or `error`.',
          json: named('TurnAnswer', schemas.turnAnswer),
          ndjson: turnEventSchema,
          headers: {
            [GUARD_HEADER]: {
              description: '`flagged` when the prompt-injection guard (mode `flag`) flagged the message.',
              schema: { type: 'string', enum: ['flagged'] },
            },
          },
        },
      },
      errors: [402, 404, 409, 502, 504],
      async handle({ params, body, request, response, signal }) {
        const started = performance.now();
        const sessions = sessionUpstream(kit);
        if (kit.promptGuard.inspect(body.message, TURNS_ROUTE).flagged)
          response.setHeader(GUARD_HEADER, 'flagged');
        const events = turnEvents(
          sessions.turn(turnRequest(params.id, body), { signal, idleTimeoutMs: kit.streamIdleMs }),
        );
        if (!wantsStream(request, body.stream)) {
          response.json(await collectTurn(events));
          return;
        }
        await writeTurnStream(events, kit, response, TURNS_ROUTE, started);
      },
    }),
    route({
      method: 'GET',
      path: EVENTS_ROUTE,
      operationId: 'resumeSessionTurn',
      tag: 'sessions',
      summary: 'Resume a turn: its events after `after` (NDJSON), then the live rest until it ends.',
      description:
        'Every event exactly once, in order, whichever gateway or session replica the turn runs on; a turn ' +
        'that has ended replays to its `done` or `error`. `after` past the turn’s last event is a 400.',
      access: 'chat',
      limits: 'stream',
      params: turnParams,
      query: resumeQuery,
      responses: {
        200: {
          description: 'One `TurnEvent` per line, ending with `done` or `error`.',
          ndjson: turnEventSchema,
        },
      },
      errors: [404, 502, 504],
      async handle({ params, query, response, signal }) {
        const started = performance.now();
        const upstream = sessionUpstream(kit).resumeTurn(
          { sessionId: params.id, turnId: params.turn, afterSeq: query.after ?? 0 },
          { signal, idleTimeoutMs: kit.streamIdleMs },
        );
        const events = (async function* () {
          try {
            yield* turnEvents(upstream);
          } catch (error) {
            throw offsetError(upstreamFailure(error), 'query.after');
          }
        })();
        await writeTurnStream(events, kit, response, EVENTS_ROUTE, started, true);
      },
    }),
  ];
}
