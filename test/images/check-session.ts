import { uniqueSuffix } from '@ragfleet/testing';
import { readServiceCredentials } from '../../packages/config/src/index.ts';
import { SessionClient, Transport } from '../../packages/grpc/src/index.ts';
import type { SessionV1 } from '../../packages/protos/src/index.ts';
import { runWithRequestContext } from '../../packages/telemetry/src/index.ts';
import { checker, type Check } from './checks.ts';

/*
 * The session container, checked after check-gateway.ts has ingested the documentation: as one
 * user holding the fleet's service token (as the gateway calls it), create a session, ask two
 * turns (the second a follow-up that only makes sense with the first), resume the first turn after
 * its first event and get exactly the events after it again, read the four messages back, delete
 * the session. Then the same through the gateway container (its SESSION_ADDR): a session
 * created with POST /v1/sessions answers one turn as JSON. Exits 1, saying which step failed.
 * Reads SESSION_ADDR, RAGFLEET_URL (the gateway; RAGFLEET_API_KEY, if set, is its bearer key) and
 * the service key as the services read it (SERVICE_AUTH_KEY_FILE or SERVICE_AUTH_KEY).
 */
const check: Check = checker('check-session');
const address = process.env.SESSION_ADDR ?? '';
check(/^[^:\s]+:\d+$/.test(address), `SESSION_ADDR must be host:port (got ${JSON.stringify(address)})`);
const url = process.env.RAGFLEET_URL ?? '';
check(url, 'set RAGFLEET_URL to the gateway (http://127.0.0.1:<port>)');
const { keys } = readServiceCredentials('images-check', process.env);
check(keys.length > 0, 'no service key: set SERVICE_AUTH_KEY_FILE to the key the containers mount');

const client = new SessionClient(address, { transport: Transport.create({ service: 'images-check', keys }) });
const caller = { tenant: `images-${uniqueSuffix()}`, user: 'images-check' };
const asCaller = <T>(work: () => Promise<T>): Promise<T> =>
  runWithRequestContext({ requestId: `images-check-session-${uniqueSuffix()}`, ...caller }, work);

async function collect(
  events: AsyncGenerator<SessionV1.TurnEvent__Output>,
): Promise<SessionV1.TurnEvent__Output[]> {
  const seen: SessionV1.TurnEvent__Output[] = [];
  for await (const event of events) seen.push(event);
  return seen;
}

/** POST /v1/sessions, one JSON turn, DELETE: the answer's length. */
async function gatewayTurn(gateway: string, message: string): Promise<number> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-tenant-id': caller.tenant,
    ...(process.env.RAGFLEET_API_KEY ? { authorization: `Bearer ${process.env.RAGFLEET_API_KEY}` } : {}),
  };
  const created = await fetch(`${gateway}/v1/sessions`, { method: 'POST', headers, body: '{}' });
  const body = (await created.json()) as { session?: { id?: string } };
  check(
    created.status === 201 && body.session?.id,
    `POST /v1/sessions answered ${created.status}: ${JSON.stringify(body)}`,
  );
  const path = `${gateway}/v1/sessions/${encodeURIComponent(body.session.id)}`;
  const turn = await fetch(`${path}/turns`, { method: 'POST', headers, body: JSON.stringify({ message }) });
  const answer = (await turn.json()) as { answer?: string; turn_id?: string };
  check(
    turn.status === 200 && answer.turn_id && (answer.answer ?? '').length > 0,
    `POST ${path}/turns answered ${turn.status}: ${JSON.stringify(answer)}`,
  );
  const removed = await fetch(path, { method: 'DELETE', headers });
  check(removed.status === 204, `DELETE ${path} answered ${removed.status}`);
  return (answer.answer ?? '').length;
}

const describeEvents = (events: SessionV1.TurnEvent__Output[]) =>
  events.map((event) => `${event.seq}:${event.event}`).join(' ');

try {
  const started = performance.now();
  const created = await asCaller(() => client.createSession({ title: 'images check' }));
  const sessionId = created.session?.id ?? '';
  check(sessionId, 'CreateSession answered without a session id');

  const first = await asCaller(() =>
    collect(client.turn({ sessionId, message: 'How does a retried ingest job avoid duplicating chunks?' })),
  );
  check(first[0]?.event === 'started', `the first turn began with ${first[0]?.event}, not started`);
  check(first.at(-1)?.event === 'done', `the first turn ended: ${describeEvents(first)}`);
  check(
    first.every((event, index) => event.seq === index + 1),
    `the first turn's events are not numbered 1..n: ${describeEvents(first)}`,
  );
  check(
    first.some((event) => event.event === 'token'),
    'the first turn streamed no token',
  );
  const turnId = first[0].started?.turnId ?? '';

  const followUp = await asCaller(() =>
    collect(client.turn({ sessionId, message: 'And what if it fails again?' })),
  );
  check(followUp.at(-1)?.event === 'done', `the follow-up turn ended: ${describeEvents(followUp)}`);

  const replayed = await asCaller(() => collect(client.resumeTurn({ sessionId, turnId, afterSeq: 1 })));
  check(
    JSON.stringify(replayed) === JSON.stringify(first.slice(1)),
    `resuming after seq 1 gave ${describeEvents(replayed)}, not ${describeEvents(first.slice(1))}`,
  );

  const read = await asCaller(() => client.getSession({ id: sessionId }));
  const roles = read.messages.map((message) => message.role);
  check(
    JSON.stringify(roles) === JSON.stringify(['ROLE_USER', 'ROLE_ASSISTANT', 'ROLE_USER', 'ROLE_ASSISTANT']),
    `the session holds ${JSON.stringify(roles)} after two turns`,
  );
  const deleted = await asCaller(() => client.deleteSession(sessionId));
  check(deleted.deleted, 'DeleteSession did not delete the session');

  const viaGateway = await gatewayTurn(url, 'What does the ingest sweep do with a stuck job?');
  console.log(
    `check-session: ok in ${Math.round(performance.now() - started)} ms: two turns ` +
      `(${first.length} and ${followUp.length} events), ${replayed.length} replayed after seq 1, ` +
      `${read.messages.length} messages, deleted; through the gateway a turn of ${viaGateway} characters`,
  );
} catch (error) {
  check(false, `a session call failed: ${(error as Error).message}`);
} finally {
  client.close();
}
