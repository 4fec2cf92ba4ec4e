import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { once } from 'node:events';
import type { GenerateV1 } from '@ragfleet/protos';
import { freePort } from '@ragfleet/testing';
import { FakeUpstreams, NORMAL_ANSWER } from './support/fake-upstreams.ts';
import { startGatewayProcess } from './support/gateway-process.ts';
import { ADMIN_TOKEN, KEYS, callAs, startKeyedGateway, type KeyedGateway } from './support/keyed-gateway.ts';
import { startSessionProcess, type SessionProcess } from './support/session-process.ts';
import { ndjsonLines, postJson } from './support/start-gateway.ts';
import { WsClient } from './support/ws-gateway.ts';

/*
 * Turns through the real session service (its process, memory store, its turn engine) answering
 * with a fake generate over gRPC: what the gateway shows of a real conversation.
 */

type Event = Record<string, unknown>;

let generate: FakeUpstreams;
let session: SessionProcess;
let gateway: KeyedGateway;

beforeAll(async () => {
  generate = new FakeUpstreams();
  session = await startSessionProcess({ GENERATE_ADDR: await generate.start() });
  gateway = await startKeyedGateway(session.address);
}, 30_000);

afterAll(async () => {
  await gateway?.stop();
  await session?.stop();
  await generate?.stop();
});

afterEach(() => {
  generate.answer = async function* () {
    yield* NORMAL_ANSWER;
  };
});

const as = (credential: string | undefined, method: string, path: string, body?: unknown) =>
  callAs(gateway.url, credential, method, path, body);

async function readAll(response: Response): Promise<Event[]> {
  const events: Event[] = [];
  for await (const event of ndjsonLines(response.body as ReadableStream<Uint8Array>)) events.push(event);
  return events;
}

async function newSession(credential = KEYS.alice): Promise<string> {
  const response = await as(credential, 'POST', '/v1/sessions', { title: 'real' });
  expect(response.status).toBe(201);
  return ((await response.json()) as { session: { id: string } }).session.id;
}

async function streamedTurn(id: string, message: string, credential = KEYS.alice): Promise<Event[]> {
  const response = await callAs(
    gateway.url,
    credential,
    'POST',
    `/v1/sessions/${id}/turns`,
    { message },
    {
      accept: 'application/x-ndjson',
    },
  );
  expect(response.status).toBe(200);
  return readAll(response);
}

/** A generate answer that streams up to the first token, then waits for release(). */
function heldAnswer() {
  let release = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  const answer = async function* (): AsyncIterable<GenerateV1.AnswerResponse> {
    yield* NORMAL_ANSWER.slice(0, 3);
    await gate;
    yield* NORMAL_ANSWER.slice(3);
  };
  return { answer, release: () => release() };
}

/** Reads a turn stream through its first token; answers the first two events only (the rest "lost"). */
async function untilFirstToken(lines: AsyncGenerator<Event>): Promise<Event[]> {
  const read: Event[] = [];
  while (read.at(-1)?.type !== 'token') read.push((await lines.next()).value as Event);
  expect(read.length).toBeGreaterThan(2);
  return read.slice(0, 2);
}

describe('turns through the real session service', () => {
  it('answers a turn as JSON and as NDJSON with seq on every event, started first', async () => {
    const id = await newSession();
    const json = await as(KEYS.alice, 'POST', `/v1/sessions/${id}/turns`, { message: 'what is alpha?' });
    expect(json.status).toBe(200);
    expect(await json.json()).toMatchObject({
      session_id: id,
      turn_id: expect.any(String),
      message_id: expect.any(String),
      answer: 'Hello world [1]',
      citations: [expect.objectContaining({ document_id: 'doc-1' })],
      finish_reason: 'stop',
      last_seq: expect.any(Number),
    });

    const events = await streamedTurn(id, 'and what about beta?');
    expect(events[0]).toMatchObject({ type: 'started', seq: 1, session_id: id });
    expect(events.map((event) => event.seq)).toEqual(events.map((_event, index) => index + 1));
    expect(events.at(-1)).toMatchObject({ type: 'done' });
    expect(events.filter((event) => event.type === 'token').map((event) => event.text)).toEqual([
      'Hello',
      ' world [1]',
    ]);
  });

  it('keeps the conversation: the follow-up reaches generate with the history, the session shows both turns', async () => {
    const id = await newSession();
    await streamedTurn(id, 'what is alpha?');
    await streamedTurn(id, 'what about its drawbacks?');
    const second = generate.lastCall('Answer')?.request as GenerateV1.AnswerRequest__Output;
    expect(second.history).toEqual([
      { role: 'user', content: 'what is alpha?' },
      { role: 'assistant', content: 'Hello world [1]' },
    ]);
    const read = await as(KEYS.alice, 'GET', `/v1/sessions/${id}`);
    const { session: shown, messages } = (await read.json()) as {
      session: { message_count: number };
      messages: Array<{ role: string; text: string; status: string }>;
    };
    expect(shown.message_count).toBe(4);
    expect(messages.map((message) => [message.role, message.text])).toEqual([
      ['user', 'what is alpha?'],
      ['assistant', 'Hello world [1]'],
      ['user', 'what about its drawbacks?'],
      ['assistant', 'Hello world [1]'],
    ]);
  });

  it('hands generate the filter exactly as /v1/rag does', async () => {
    const id = await newSession();
    const filter = { metadata: { topic: 'greek' }, lang: 'en', document_ids: ['doc-1'] };
    await (
      await as(KEYS.alice, 'POST', `/v1/sessions/${id}/turns`, { message: 'alpha?', k: 3, filter })
    ).json();
    const viaSession = generate.lastCall('Answer')?.request as GenerateV1.AnswerRequest__Output;
    await (await as(KEYS.alice, 'POST', '/v1/rag', { query: 'alpha?', filter })).json();
    const viaRag = gateway.upstreams.lastCall('Answer')?.request as GenerateV1.AnswerRequest__Output;
    expect(viaSession.filters).toEqual({ topic: 'greek', lang: 'en', document_id: 'doc-1' });
    expect(viaSession.filters).toEqual(viaRag.filters);
    expect(viaSession.k).toBe(3);
  });

  it('resumes after N with exactly the events after N; past the end is 400', async () => {
    const id = await newSession();
    const all = await streamedTurn(id, 'what is alpha?');
    const turn = String(all[0]?.turn_id);
    const events = (after: number | string) =>
      as(KEYS.alice, 'GET', `/v1/sessions/${id}/turns/${turn}/events?after=${after}`);
    // After the very last event too: nothing is left, and the stream ends at once.
    for (let after = 0; after <= all.length; after++) {
      const response = await events(after);
      expect(response.status).toBe(200);
      expect(await readAll(response)).toEqual(all.slice(after));
    }
    const past = await events(all.length + 1);
    expect(past.status).toBe(400);
    expect(((await past.json()) as { error: { details: unknown } }).error.details).toEqual({
      fields: [{ field: 'query.after', message: 'is past the last event of the turn' }],
    });
  });

  it('follows a live turn a dropped client left, to its end', async () => {
    const held = heldAnswer();
    generate.answer = held.answer;
    const id = await newSession();
    const first = await callAs(
      gateway.url,
      KEYS.alice,
      'POST',
      `/v1/sessions/${id}/turns`,
      { message: 'alpha?' },
      {
        accept: 'application/x-ndjson',
      },
    );
    const lines = ndjsonLines(first.body as ReadableStream<Uint8Array>);
    // Read to the first token (where the turn holds), then keep only two events, as a client whose
    // connection dropped with 3 and 4 in flight: a resume after 2 replays them at once (so the
    // response begins while the turn is still held), then follows the live rest.
    const seen = await untilFirstToken(lines);
    await lines.return(undefined);

    const resumed = await as(
      KEYS.alice,
      'GET',
      `/v1/sessions/${id}/turns/${String(seen[0]?.turn_id)}/events?after=${String(seen.at(-1)?.seq)}`,
    );
    expect(resumed.status).toBe(200);
    held.release();
    const rest = await readAll(resumed);
    expect(rest[0]?.seq).toBe(Number(seen.at(-1)?.seq) + 1);
    expect(rest.at(-1)).toMatchObject({ type: 'done' });
    const text = [...seen, ...rest].filter((event) => event.type === 'token').map((event) => event.text);
    expect(text.join('')).toBe('Hello world [1]');
  });

  it('refuses a second turn while one runs on the session with 409 CONFLICT', async () => {
    const held = heldAnswer();
    generate.answer = held.answer;
    const id = await newSession();
    const first = await callAs(
      gateway.url,
      KEYS.alice,
      'POST',
      `/v1/sessions/${id}/turns`,
      { message: 'one' },
      {
        accept: 'application/x-ndjson',
      },
    );
    const lines = ndjsonLines(first.body as ReadableStream<Uint8Array>);
    expect((await lines.next()).value).toMatchObject({ type: 'started' });
    const second = await as(KEYS.alice, 'POST', `/v1/sessions/${id}/turns`, { message: 'two' });
    expect(second.status).toBe(409);
    expect(await second.json()).toMatchObject({ error: { code: 'CONFLICT', retryable: true } });
    held.release();
    const rest: Event[] = [];
    for await (const event of lines) rest.push(event);
    expect(rest.at(-1)).toMatchObject({ type: 'done' });
  });

  it('ends a failed answer with an error event carrying attempts and fallback suggestions', async () => {
    generate.answer = async function* () {
      yield NORMAL_ANSWER[1] as GenerateV1.AnswerResponse;
      yield { error: { code: 'PROVIDER_UNAVAILABLE', message: 'Every provider failed.', retryable: true } };
    };
    const id = await newSession();
    const events = await streamedTurn(id, 'what is alpha?');
    expect(events.at(-1)).toMatchObject({
      type: 'error',
      seq: events.length,
      error: {
        code: 'PROVIDER_UNAVAILABLE',
        retryable: true,
        attempts: expect.any(Number),
        fallback_suggestions: expect.any(Array),
      },
    });
  });

  it('hides A’s turns from B of the same tenant and C of another', async () => {
    const id = await newSession();
    const all = await streamedTurn(id, 'what is alpha?');
    for (const stranger of [KEYS.bob, KEYS.carol]) {
      for (const [method, path, body] of [
        ['POST', `/v1/sessions/${id}/turns`, { message: 'hello?' }],
        ['GET', `/v1/sessions/${id}/turns/${String(all[0]?.turn_id)}/events?after=0`],
        ['GET', `/v1/sessions/${id}`],
        ['DELETE', `/v1/sessions/${id}`],
      ] as Array<[string, string, unknown?]>) {
        const response = await as(stranger, method, path, body);
        expect({ path, method, status: response.status }).toEqual({ path, method, status: 404 });
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe('SESSION_NOT_FOUND');
      }
    }
  });

  it('gives operators the stats of the service', async () => {
    const response = await as(ADMIN_TOKEN, 'GET', '/v1/admin/sessions/stats');
    expect(response.status).toBe(200);
    const stats = (await response.json()) as Record<string, number>;
    expect(stats.active_sessions).toBeGreaterThan(0);
    expect(stats.messages_last_hour).toBeGreaterThan(0);
    expect(stats.turns_per_minute).toBeGreaterThan(0);
    expect(stats.summaries_last_hour).toBe(0);
  });

  it('chats over WebSocket: a new session announced by the first event, then resumed by seq', async () => {
    const socket = await new WsClient(gateway.wsUrl, { authorization: `Bearer ${KEYS.alice}` }).open();
    try {
      socket.send({ type: 'chat', id: 'ws', message: 'what is alpha?' });
      const events = await socket.ask('ws');
      expect(events[0]).toMatchObject({ type: 'started', id: 'ws', seq: 1, session_id: expect.any(String) });
      expect(events.map((event) => event.seq)).toEqual(events.map((_event, index) => index + 1));
      expect(events.at(-1)).toMatchObject({ type: 'done' });
      socket.send({
        type: 'resume',
        id: 'again',
        session_id: events[0]?.session_id,
        turn: events[0]?.turn_id,
        after: 3,
      });
      const replayed = await socket.ask('again');
      const strip = ({ id: _id, ...rest }: Event) => rest;
      expect(replayed.map(strip)).toEqual(events.slice(3).map(strip));
    } finally {
      socket.socket.terminate();
    }
  });
});

describe('a gateway process killed mid-turn', () => {
  it('loses nothing: a client resumes through a new gateway process, no gap, no duplicate', async () => {
    const held = heldAnswer();
    generate.answer = held.answer;
    const env = { SESSION_ADDR: session.address, REDIS_URL: '' };
    const port = await freePort();
    const firstGateway = await startGatewayProcess({ port, upstream: gateway.upstreamAddress, env });
    const url = `http://127.0.0.1:${port}`;
    const created = await postJson(`${url}/v1/sessions`, {});
    const { id } = ((await created.json()) as { session: { id: string } }).session;
    const response = await postJson(`${url}/v1/sessions/${id}/turns`, {
      message: 'what is alpha?',
      stream: true,
    });
    const lines = ndjsonLines(response.body as ReadableStream<Uint8Array>);
    // Events 3 and 4 are lost with the gateway; the turn holds after its first token.
    const before = await untilFirstToken(lines);

    const exited = once(firstGateway.child, 'exit');
    firstGateway.child.kill('SIGKILL');
    await exited;
    await lines.return(undefined).catch(() => undefined);

    const secondPort = await freePort();
    const secondGateway = await startGatewayProcess({
      port: secondPort,
      upstream: gateway.upstreamAddress,
      env,
    });
    try {
      const last = Number(before.at(-1)?.seq);
      const resumed = await fetch(
        `http://127.0.0.1:${secondPort}/v1/sessions/${id}/turns/${String(before[0]?.turn_id)}/events?after=${last}`,
      );
      expect(resumed.status).toBe(200);
      held.release();
      const after = await readAll(resumed);
      const all = [...before, ...after];
      expect(all.map((event) => event.seq)).toEqual(all.map((_event, index) => index + 1));
      expect(all.at(-1)).toMatchObject({ type: 'done' });
      const text = all.filter((event) => event.type === 'token').map((event) => event.text);
      expect(text.join('')).toBe('Hello world [1]');
    } finally {
      const gone = once(secondGateway.child, 'exit');
      secondGateway.child.kill('SIGTERM');
      await gone;
    }
  }, 60_000);
});
