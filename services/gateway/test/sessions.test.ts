import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SignJWT } from 'jose';
import { ndjsonLines } from './support/start-gateway.ts';
import {
  ADMIN_TOKEN,
  JWT_SECRET,
  KEYS,
  callAs,
  startKeyedGateway,
  type KeyedGateway,
} from './support/keyed-gateway.ts';
import { startSessionProcess, type SessionProcess } from './support/session-process.ts';

/*
 * Sessions through the gateway, with real identities. The CRUD routes run against the real
 * session service (its process, memory store); the turn and resume routes against the fakes'
 * scripted SessionService until the service's turn engine serves them.
 */

function jwtFor(tenant: string, sub: string): Promise<string> {
  return new SignJWT({ tenant, sub, tier: 'standard' })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer('https://issuer.test')
    .setAudience('ragfleet')
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(new TextEncoder().encode(JWT_SECRET));
}

async function code(response: Response): Promise<string> {
  return ((await response.json()) as { error: { code: string } }).error.code;
}

interface SessionJson {
  id: string;
  title: string;
  topic: string;
  labels: string[];
  message_count: number;
}

describe('against the real session service', () => {
  let session: SessionProcess;
  let gateway: KeyedGateway;
  const as = (credential: string | undefined, method: string, path: string, body?: unknown) =>
    callAs(gateway.url, credential, method, path, body);

  beforeAll(async () => {
    session = await startSessionProcess();
    gateway = await startKeyedGateway(session.address);
  }, 30_000);

  afterAll(async () => {
    await gateway?.stop();
    await session?.stop();
  });

  async function create(credential: string, body: unknown = {}): Promise<SessionJson> {
    const response = await as(credential, 'POST', '/v1/sessions', body);
    expect(response.status).toBe(201);
    const { session: created } = (await response.json()) as { session: SessionJson };
    expect(response.headers.get('location')).toBe(`/v1/sessions/${created.id}`);
    return created;
  }

  it('creates a session with its metadata, and reads it back with its (empty) messages', async () => {
    const created = await create(KEYS.alice, { title: 'Pricing', topic: 'billing', labels: ['support'] });
    expect(created).toMatchObject({
      title: 'Pricing',
      topic: 'billing',
      labels: ['support'],
      message_count: 0,
      summary: '',
      summarized_message_count: 0,
      created_at: expect.any(String),
      last_activity_at: expect.any(String),
    });
    const read = await as(KEYS.alice, 'GET', `/v1/sessions/${created.id}`);
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual({ session: created, messages: [], next_cursor: null });
  });

  it('takes an empty body as a session without metadata', async () => {
    const response = await fetch(`${gateway.url}/v1/sessions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${KEYS.alice}` },
    });
    expect(response.status).toBe(201);
    expect(((await response.json()) as { session: SessionJson }).session).toMatchObject({
      title: '',
      labels: [],
    });
  });

  it('lists only the caller’s own sessions, newest first, a page at a time', async () => {
    const jwt = await jwtFor('tenant-l', 'lister');
    const ids: string[] = [];
    for (let index = 0; index < 5; index++) {
      ids.push((await create(jwt, { title: `s${index}` })).id);
      await new Promise((resolve) => setTimeout(resolve, 3));
    }
    await create(await jwtFor('tenant-l', 'someone-else'));
    const pages: string[][] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const query: string = `?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const response = await as(jwt, 'GET', `/v1/sessions${query}`);
      expect(response.status).toBe(200);
      const page = (await response.json()) as { sessions: SessionJson[]; next_cursor: string | null };
      pages.push(page.sessions.map((entry) => entry.id));
      cursor = page.next_cursor;
    }
    expect(pages.flat()).toEqual([...ids].reverse());
    expect(pages[0]).toHaveLength(2);
  });

  it('refuses a forged list cursor with 400', async () => {
    const response = await as(KEYS.alice, 'GET', '/v1/sessions?cursor=not-a-cursor');
    expect(response.status).toBe(400);
    expect(await code(response)).toBe('INVALID_ARGUMENT');
  });

  it('deletes a session with 204; after that it is 404 SESSION_NOT_FOUND', async () => {
    const { id } = await create(KEYS.alice);
    const deleted = await as(KEYS.alice, 'DELETE', `/v1/sessions/${id}`);
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe('');
    const again = await as(KEYS.alice, 'DELETE', `/v1/sessions/${id}`);
    expect(again.status).toBe(404);
    expect(await code(again)).toBe('SESSION_NOT_FOUND');
    expect(await code(await as(KEYS.alice, 'GET', `/v1/sessions/${id}`))).toBe('SESSION_NOT_FOUND');
  });

  it('hides A’s session from B of the same tenant and from C of another, on every route', async () => {
    const { id } = await create(KEYS.alice, { title: 'secret' });
    const strangers = [
      KEYS.bob,
      KEYS.carol,
      await jwtFor('tenant-a', 'mallory'),
      await jwtFor('tenant-b', 'alice'),
    ];
    for (const stranger of strangers) {
      for (const [method, path] of [
        ['GET', `/v1/sessions/${id}`],
        ['DELETE', `/v1/sessions/${id}`],
      ] as const) {
        const response = await as(stranger, method, path);
        expect({ method, path, status: response.status, code: await code(response) }).toEqual({
          method,
          path,
          status: 404,
          code: 'SESSION_NOT_FOUND',
        });
      }
      const listed = (await (await as(stranger, 'GET', '/v1/sessions')).json()) as {
        sessions: SessionJson[];
      };
      expect(listed.sessions.map((entry) => entry.id)).not.toContain(id);
    }
    // The strangers' deletes left it alone.
    expect((await as(KEYS.alice, 'GET', `/v1/sessions/${id}`)).status).toBe(200);
  });

  it('needs the chat scope: a rag-only key gets 403', async () => {
    const response = await as(KEYS.ragOnly, 'POST', '/v1/sessions', {});
    expect(response.status).toBe(403);
    expect(await code(response)).toBe('PERMISSION_DENIED');
  });
});

describe('turns, resumes and stats (scripted SessionService)', () => {
  let gateway: KeyedGateway;
  const as = (credential: string | undefined, method: string, path: string, body?: unknown) =>
    callAs(gateway.url, credential, method, path, body);

  beforeAll(async () => {
    gateway = await startKeyedGateway();
  });

  afterAll(async () => {
    await gateway?.stop();
  });

  it('hides A’s session and turns from B of the same tenant and C of another, on every session route', async () => {
    const created = await as(KEYS.alice, 'POST', '/v1/sessions', { title: 'mine' });
    const { id } = ((await created.json()) as { session: SessionJson }).session;
    const turnResponse = await as(KEYS.alice, 'POST', `/v1/sessions/${id}/turns`, { message: 'alpha?' });
    expect(turnResponse.status).toBe(200);
    const { turn_id: turn } = (await turnResponse.json()) as { turn_id: string };
    const own = await as(KEYS.alice, 'GET', `/v1/sessions/${id}/turns/${turn}/events?after=0`);
    expect(own.status).toBe(200);
    const replay: unknown[] = [];
    for await (const event of ndjsonLines(own.body as ReadableStream<Uint8Array>)) replay.push(event);
    expect(replay).toHaveLength(7);

    const strangers = [KEYS.bob, KEYS.carol, await jwtFor('tenant-a', 'mallory')];
    const routes: Array<[string, string, unknown?]> = [
      ['GET', `/v1/sessions/${id}`],
      ['DELETE', `/v1/sessions/${id}`],
      ['POST', `/v1/sessions/${id}/turns`, { message: 'what did alice ask?' }],
      ['GET', `/v1/sessions/${id}/turns/${turn}/events?after=0`],
    ];
    for (const stranger of strangers) {
      for (const [method, path, body] of routes) {
        const response = await as(stranger, method, path, body);
        expect({ method, path, status: response.status, code: await code(response) }).toEqual({
          method,
          path,
          status: 404,
          code: 'SESSION_NOT_FOUND',
        });
      }
    }
    // Each call reached the session service as its own caller: tenant and user from the credential.
    const owners = gateway.upstreams.calls
      .filter((call) => call.method === 'Turn')
      .map((call) => `${call.tenant}/${call.user}`);
    expect(owners).toEqual(['tenant-a/alice', 'tenant-a/bob', 'tenant-b/carol', 'tenant-a/mallory']);
  });

  it('gives operators the session stats with the admin credential only', async () => {
    const response = await as(ADMIN_TOKEN, 'GET', '/v1/admin/sessions/stats');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      active_sessions: 3,
      messages_last_hour: 12,
      turns_per_minute: 0.1,
      summaries_last_hour: 1,
    });
    const denied = await as(KEYS.alice, 'GET', '/v1/admin/sessions/stats');
    expect(denied.status).toBe(403);
    expect((await as(undefined, 'GET', '/v1/admin/sessions/stats')).status).toBe(401);
  });
});
