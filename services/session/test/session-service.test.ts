import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { runWithRequestContext } from '@ragfleet/telemetry';
import { freePort, uniqueSuffix } from '@ragfleet/testing';
import { startRunningSession, type RunningSession } from './support/running-session.ts';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

interface Caller {
  tenant: string;
  user?: string;
}

const alice: Caller = { tenant: 'acme', user: 'alice' };
const bob: Caller = { tenant: 'acme', user: 'bob' };
const aliceElsewhere: Caller = { tenant: 'globex', user: 'alice' };

const as = <T>(caller: Caller, fn: () => Promise<T>) =>
  runWithRequestContext({ requestId: `req-${uniqueSuffix()}`, ...caller }, fn);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

/** The service through SessionClient, on one store; `env` picks it. */
function sessionServiceSuite(name: string, env: () => Record<string, string>, cleanup = async () => {}) {
  describe(`session service on ${name}`, () => {
    let service: RunningSession;
    beforeAll(async () => {
      service = await startRunningSession(env());
    });
    afterAll(async () => {
      await service?.stop();
      await cleanup();
    });
    const client = () => service.client;

    it('creates a session and reads it back with its metadata', async () => {
      const { session } = await as(alice, () =>
        client().createSession({ title: 'Pricing', topic: 'billing', labels: ['support', 'vip'] }),
      );
      expect(session).toMatchObject({
        title: 'Pricing',
        topic: 'billing',
        labels: ['support', 'vip'],
        messageCount: 0,
        summary: '',
      });
      expect(Date.parse(session?.createdAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
      const read = await as(alice, () => client().getSession({ id: session?.id ?? '' }));
      expect(read.session).toEqual(session);
      expect(read.messages).toEqual([]);
      expect(read.nextMessageCursor).toBe('');
    });

    it('lists only the caller sessions, newest first, page by page with a cursor', async () => {
      const owner: Caller = { tenant: `t-${uniqueSuffix()}`, user: 'carol' };
      const ids: string[] = [];
      for (let n = 0; n < 5; n++) {
        const { session } = await as(owner, () => client().createSession({ title: `s${n}` }));
        ids.push(session?.id ?? '');
        await sleep(3);
      }
      await as({ ...owner, user: 'dave' }, () => client().createSession({ title: 'other user' }));
      const newestFirst = [...ids].reverse();
      const seen: string[] = [];
      let cursor = '';
      let pages = 0;
      do {
        const page = await as(owner, () => client().listSessions({ pageSize: 2, cursor }));
        expect(page.sessions.length).toBeLessThanOrEqual(2);
        seen.push(...page.sessions.map((s) => s.id));
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor && pages < 10);
      expect(seen).toEqual(newestFirst);
      expect(pages).toBe(3);
      const all = await as(owner, () => client().listSessions({}));
      expect(all.sessions.map((s) => s.title)).toEqual(['s4', 's3', 's2', 's1', 's0']);
      expect(all.nextCursor).toBe('');
    });

    it('deletes a session for its owner: gone from get, list and a second delete', async () => {
      const { session } = await as(alice, () => client().createSession({ title: 'to delete' }));
      const id = session?.id ?? '';
      expect(await as(alice, () => client().deleteSession(id))).toEqual({ deleted: true });
      expect(await rejection(as(alice, () => client().getSession({ id })))).toMatchObject({
        code: 'SESSION_NOT_FOUND',
      });
      expect(await rejection(as(alice, () => client().deleteSession(id)))).toMatchObject({
        code: 'SESSION_NOT_FOUND',
      });
      const listed = await as(alice, () => client().listSessions({ pageSize: 200 }));
      expect(listed.sessions.map((s) => s.id)).not.toContain(id);
    });

    it('hides a session from another user of the tenant and from another tenant', async () => {
      const { session } = await as(alice, () => client().createSession({ title: 'private' }));
      const id = session?.id ?? '';
      for (const intruder of [bob, aliceElsewhere]) {
        expect(await rejection(as(intruder, () => client().getSession({ id })))).toMatchObject({
          code: 'SESSION_NOT_FOUND',
        });
        expect(await rejection(as(intruder, () => client().deleteSession(id)))).toMatchObject({
          code: 'SESSION_NOT_FOUND',
        });
        const listed = await as(intruder, () => client().listSessions({ pageSize: 200 }));
        expect(listed.sessions.map((s) => s.id)).not.toContain(id);
      }
      // Their attempts changed nothing for the owner.
      expect((await as(alice, () => client().getSession({ id }))).session?.title).toBe('private');
    });

    it('refuses a caller without a user, a missing id and a forged cursor with stable codes', async () => {
      expect(await rejection(as({ tenant: 'acme' }, () => client().listSessions({})))).toMatchObject({
        code: 'PERMISSION_DENIED',
        details: { reason: 'NO_USER' },
      });
      expect(await rejection(as(alice, () => client().getSession({ id: '' })))).toMatchObject({
        code: 'INVALID_ARGUMENT',
      });
      expect(await rejection(as(alice, () => client().listSessions({ cursor: 'forged' })))).toMatchObject({
        code: 'INVALID_ARGUMENT',
      });
    });

    it('ends a turn generate cannot answer with an error event, and records the question as failed', async () => {
      const { session } = await as(alice, () => client().createSession({}));
      const id = session?.id ?? '';
      const events = await as(alice, async () => {
        const seen = [];
        for await (const event of client().turn({ sessionId: id, message: 'How is the wing loaded?' })) {
          seen.push(event);
        }
        return seen;
      });
      expect(events.map((event) => [event.seq, event.event])).toEqual([
        [1, 'started'],
        [2, 'error'],
      ]);
      expect(events[1]?.error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryable: true });
      expect(events[1]?.error?.fallbackSuggestions.length).toBeGreaterThan(0);
      const read = await as(alice, () => client().getSession({ id }));
      expect(read.messages).toMatchObject([
        { role: 'ROLE_USER', status: 'TURN_STATUS_FAILED', errorCode: 'SERVICE_UNAVAILABLE' },
      ]);
    });
  });
}

// generate is nowhere: a port nothing listens on (never the default, where a fleet may run).
let noGenerate = '';
beforeAll(async () => {
  noGenerate = `127.0.0.1:${await freePort()}`;
});

sessionServiceSuite('the memory store', () => ({ GENERATE_ADDR: noGenerate }));

const keyPrefix = `ragfleet:test:session-service:${uniqueSuffix()}:`;
sessionServiceSuite(
  'Redis',
  () => ({ REDIS_URL, SESSION_KEY_PREFIX: keyPrefix, GENERATE_ADDR: noGenerate }),
  async () => {
    const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    const keys = await redis.keys(`${keyPrefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  },
);
