import { z } from 'zod';
import { RagfleetError } from '@ragfleet/errors';
import { named, jsonBody, route, type GatewayRoute } from './route.ts';
import type { RouteKit } from './route-kit.ts';
import * as schemas from '../openapi/session-schemas.ts';
import { messageJson, sessionJson, statsJson } from '../session-json.ts';
import type { SessionUpstream } from '../upstreams.ts';
import { resourceId } from './schemas.ts';

export const SESSIONS_PATH = '/v1/sessions';

const shortText = (max: number, description: string) => z.string().max(max).optional().meta({ description });

export const newSessionBody = z.strictObject({
  title: shortText(200, 'Shown in session lists; at most 200 characters.'),
  topic: shortText(200, 'What the conversation is about; at most 200 characters.'),
  labels: z.array(z.string().min(1).max(64)).max(32).optional().meta({
    description: 'Free labels (at most 32 of at most 64 characters), not interpreted by the service.',
  }),
});

/** Page sizes as the session service caps them (1 to 200). */
const pageLimit = z.coerce
  .number()
  .int()
  .min(1)
  .max(200)
  .optional()
  .meta({ description: 'Items per page, 1 to 200 (default: the service’s, 20).' });

const cursor = z
  .string()
  .min(1)
  .max(1_024)
  .optional()
  .meta({ description: 'The `next_cursor` of the previous page.' });

export const pageQuery = z.object({ limit: pageLimit, cursor });

export const sessionParams = z.object({
  id: resourceId.meta({ description: 'The session id, as `POST /v1/sessions` answered it.' }),
});

/** The session routes answer SERVICE_UNAVAILABLE on a gateway without a session service. */
export function sessionUpstream(kit: Pick<RouteKit, 'sessions'>): SessionUpstream {
  if (!kit.sessions) {
    throw new RagfleetError('SERVICE_UNAVAILABLE', 'Sessions are not enabled on this gateway.', {
      internal: 'no session upstream configured',
    });
  }
  return kit.sessions;
}

/** CRUD of the caller's sessions and the operators' counts; turns are in session-turns.ts. */
export function sessionRoutes(kit: RouteKit): GatewayRoute[] {
  const sessions = () => sessionUpstream(kit);
  return [
    route({
      method: 'POST',
      path: SESSIONS_PATH,
      operationId: 'createSession',
      tag: 'sessions',
      summary: 'Start a conversation; it belongs to the caller (tenant and user) alone.',
      description:
        'A session expires after a time without activity (the session service’s SESSION_TTL_SECONDS, 30 min ' +
        'by default). For anyone but its owner it does not exist: every session route answers 404 SESSION_NOT_FOUND.',
      access: 'chat',
      limits: 'request',
      body: jsonBody('NewSession', newSessionBody, false),
      responses: {
        201: {
          description: 'Created.',
          json: named('SessionResponse', schemas.sessionResponse),
          headers: { Location: { description: 'The session resource.', schema: { type: 'string' } } },
        },
      },
      errors: [502],
      async handle({ body, response, signal }) {
        const { session } = await sessions().createSession(
          { title: body.title ?? '', topic: body.topic ?? '', labels: body.labels ?? [] },
          { signal },
        );
        if (!session) {
          throw new RagfleetError('INTERNAL', 'Internal error', {
            internal: 'CreateSession returned no session',
          });
        }
        response.location(`${SESSIONS_PATH}/${encodeURIComponent(session.id)}`);
        response.status(201).json({ session: sessionJson(session) });
      },
    }),
    route({
      method: 'GET',
      path: SESSIONS_PATH,
      operationId: 'listSessions',
      tag: 'sessions',
      summary: 'The caller’s own sessions, most recent activity first, a page at a time.',
      access: 'chat',
      limits: 'request',
      query: pageQuery,
      responses: { 200: { description: 'One page.', json: named('SessionList', schemas.sessionList) } },
      async handle({ query, response, signal }) {
        const page = await sessions().listSessions(
          { pageSize: query.limit ?? 0, cursor: query.cursor ?? '' },
          { signal },
        );
        response.json({ sessions: page.sessions.map(sessionJson), next_cursor: page.nextCursor || null });
      },
    }),
    route({
      method: 'GET',
      path: '/v1/admin/sessions/stats',
      operationId: 'sessionStats',
      tag: 'admin',
      summary: 'Counts over every tenant’s sessions, for operators (no session content).',
      access: 'admin',
      limits: 'request',
      responses: { 200: { description: 'The counts.', json: named('SessionStats', schemas.sessionStats) } },
      async handle({ response, signal }) {
        response.json(statsJson(await sessions().getStats({ signal })));
      },
    }),
    route({
      method: 'GET',
      path: `${SESSIONS_PATH}/:id`,
      operationId: 'getSession',
      tag: 'sessions',
      summary: 'One session with a page of its kept messages, the most recent page first.',
      access: 'chat',
      limits: 'request',
      params: sessionParams,
      query: pageQuery,
      responses: {
        200: {
          description: 'The session and one page of messages.',
          json: named('SessionWithMessages', schemas.sessionWithMessages),
        },
      },
      errors: [404],
      async handle({ params, query, response, signal }) {
        const page = await sessions().getSession(
          { id: params.id, messagePageSize: query.limit ?? 0, messageCursor: query.cursor ?? '' },
          { signal },
        );
        if (!page.session) {
          throw new RagfleetError('INTERNAL', 'Internal error', {
            internal: 'GetSession returned no session',
          });
        }
        response.json({
          session: sessionJson(page.session),
          messages: page.messages.map(messageJson),
          next_cursor: page.nextMessageCursor || null,
        });
      },
    }),
    route({
      method: 'DELETE',
      path: `${SESSIONS_PATH}/:id`,
      operationId: 'deleteSession',
      tag: 'sessions',
      summary: 'Delete a session, its messages and its turns’ event buffers.',
      access: 'chat',
      limits: 'request',
      params: sessionParams,
      responses: { 204: { description: 'Deleted.' } },
      errors: [404],
      async handle({ params, response, signal }) {
        await sessions().deleteSession(params.id, { signal });
        response.status(204).end();
      },
    }),
  ];
}
