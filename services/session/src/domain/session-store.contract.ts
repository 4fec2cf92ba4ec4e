import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { RagfleetError } from '@ragfleet/errors';
import type { SequencedTurnEvent, SessionOwner, SessionRef } from './records.ts';
import type { SessionStore, StoreTimings } from './session-store.ts';

export interface SessionStoreUnderTest {
  store: SessionStore;
  cleanup(): Promise<void>;
}

const alice: SessionOwner = { tenant: 'acme', user: 'alice' };
const bob: SessionOwner = { tenant: 'acme', user: 'bob' };
const aliceElsewhere: SessionOwner = { tenant: 'globex', user: 'alice' };
const DEFAULT_TIMINGS: StoreTimings = { sessionTtlMs: 60_000, turnEventTtlMs: 60_000 };

const ref = (owner: SessionOwner, sessionId: string): SessionRef => ({ ...owner, sessionId });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function rejection(promise: Promise<unknown>): Promise<RagfleetError> {
  try {
    await promise;
  } catch (error) {
    return error as RagfleetError;
  }
  throw new Error('expected a rejection');
}

async function expectNotFound(promise: Promise<unknown>): Promise<void> {
  expect(await rejection(promise)).toMatchObject({ code: 'SESSION_NOT_FOUND' });
}

async function collect(events: AsyncIterable<SequencedTurnEvent>): Promise<SequencedTurnEvent[]> {
  const seen: SequencedTurnEvent[] = [];
  for await (const event of events) seen.push(event);
  return seen;
}

/**
 * What every SessionStore adapter must do; run against each one. `create` gets the timings so
 * that expiry is tested for real with a short TTL.
 */
export function sessionStoreContract(
  name: string,
  create: (timings: StoreTimings) => Promise<SessionStoreUnderTest>,
): void {
  describe(`SessionStore contract: ${name}`, () => {
    let subject: SessionStoreUnderTest | undefined;
    let store: SessionStore;
    const open = async (timings = DEFAULT_TIMINGS) => {
      await subject?.cleanup();
      subject = await create(timings);
      store = subject.store;
      return store;
    };

    beforeEach(() => open());
    afterEach(async () => {
      await subject?.cleanup();
      subject = undefined;
    });

    it('creates a session its owner can read back, and nobody else can', async () => {
      const created = await store.create(alice, { title: 'Pricing', topic: 'billing', labels: ['support'] });
      expect(created).toMatchObject({
        tenant: 'acme',
        user: 'alice',
        metadata: { title: 'Pricing', topic: 'billing', labels: ['support'] },
        messageCount: 0,
        summary: '',
      });
      expect(created.lastActivityAt).toBe(created.createdAt);
      expect(await store.get(ref(alice, created.id))).toEqual(created);
      await expectNotFound(store.get(ref(bob, created.id)));
      await expectNotFound(store.get(ref(aliceElsewhere, created.id)));
      await expectNotFound(store.get(ref(alice, 'no-such-session')));
    });

    it('lists only the owner sessions, newest activity first, page by page', async () => {
      const ids: string[] = [];
      for (let n = 0; n < 5; n++) {
        ids.push((await store.create(alice, { labels: [] })).id);
        await sleep(3);
      }
      await store.create(bob, { labels: [] });
      await store.create(aliceElsewhere, { labels: [] });
      await sleep(3);
      await store.appendMessage(ref(alice, ids[1] as string), { role: 'user', content: 'bump' });
      const expected = [ids[1], ids[4], ids[3], ids[2], ids[0]];

      const first = await store.list(alice, { limit: 2 });
      expect(first.items.map((s) => s.id)).toEqual(expected.slice(0, 2));
      const second = await store.list(alice, { limit: 2, cursor: first.nextCursor });
      expect(second.items.map((s) => s.id)).toEqual(expected.slice(2, 4));
      const third = await store.list(alice, { limit: 2, cursor: second.nextCursor });
      expect(third.items.map((s) => s.id)).toEqual(expected.slice(4));
      expect(third.nextCursor).toBeUndefined();
      expect((await store.list(bob)).items).toHaveLength(1);
      expect((await store.list({ tenant: 'initech', user: 'alice' })).items).toEqual([]);
    });

    it('deletes a session for its owner only', async () => {
      const { id } = await store.create(alice, { labels: [] });
      await expectNotFound(store.delete(ref(bob, id)));
      await store.appendMessage(ref(alice, id), { role: 'user', content: 'hello' });
      await store.delete(ref(alice, id));
      await expectNotFound(store.get(ref(alice, id)));
      await expectNotFound(store.messages(ref(alice, id)));
      await expectNotFound(store.delete(ref(alice, id)));
      expect((await store.list(alice)).items).toEqual([]);
    });

    it('appends messages atomically: unique seqs, count and last activity move together', async () => {
      const { id, createdAt } = await store.create(alice, { labels: [] });
      const session = ref(alice, id);
      await sleep(3);
      const appended = await Promise.all(
        Array.from({ length: 20 }, (_, n) =>
          store.appendMessage(session, { role: n % 2 ? 'assistant' : 'user', content: `m${n}` }),
        ),
      );
      expect(appended.map((m) => m.seq).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 20 }, (_, n) => n + 1),
      );
      const record = await store.get(session);
      expect(record.messageCount).toBe(20);
      expect(record.lastActivityAt).toBeGreaterThan(createdAt);
      await expectNotFound(store.appendMessage(ref(bob, id), { role: 'user', content: 'intrusion' }));
      expect((await store.get(session)).messageCount).toBe(20);
    });

    it('pages through the window oldest first, keeping every field of a message', async () => {
      const session = ref(alice, (await store.create(alice, { labels: [] })).id);
      await store.appendMessage(session, { role: 'user', content: 'What is HNSW?', turnId: 't1' });
      await store.appendMessage(session, {
        role: 'assistant',
        content: 'A graph index.',
        turnId: 't1',
        status: 'ok',
        promptVersion: 'rag-answer@3',
        model: 'llama3.2',
        citations: [{ documentId: 'd1', chunkId: 'd1#0', title: 'Indexes' }, { documentId: 'd2' }],
      });
      for (let n = 0; n < 3; n++) await store.appendMessage(session, { role: 'user', content: `q${n}` });
      const first = await store.messages(session, { limit: 2 });
      expect(first.items).toMatchObject([
        { seq: 1, role: 'user', content: 'What is HNSW?', turnId: 't1' },
        {
          seq: 2,
          role: 'assistant',
          status: 'ok',
          promptVersion: 'rag-answer@3',
          model: 'llama3.2',
          citations: [{ documentId: 'd1', chunkId: 'd1#0', title: 'Indexes' }, { documentId: 'd2' }],
        },
      ]);
      expect(typeof first.items[0]?.createdAt).toBe('number');
      const rest = await store.messages(session, { limit: 10, cursor: first.nextCursor });
      expect(rest.items.map((m) => m.content)).toEqual(['q0', 'q1', 'q2']);
      expect(rest.nextCursor).toBeUndefined();
    });

    it('replaces the window with a summary, keeping seqs and newer messages', async () => {
      const session = ref(alice, (await store.create(alice, { labels: [] })).id);
      for (let n = 1; n <= 6; n++) await store.appendMessage(session, { role: 'user', content: `m${n}` });
      const record = await store.replaceWindow(session, { summary: 'm1 to m4', throughSeq: 4 });
      expect(record).toMatchObject({ summary: 'm1 to m4', messageCount: 6 });
      expect((await store.messages(session)).items.map((m) => [m.seq, m.content])).toEqual([
        [5, 'm5'],
        [6, 'm6'],
      ]);
      const next = await store.appendMessage(session, { role: 'user', content: 'm7' });
      expect(next.seq).toBe(7);
      await store.replaceWindow(session, { summary: 'm1 to m5', throughSeq: 5 });
      expect((await store.messages(session)).items.map((m) => m.seq)).toEqual([6, 7]);
      expect(await store.get(session)).toMatchObject({ summary: 'm1 to m5', summarizedMessageCount: 5 });
      expect(await rejection(store.replaceWindow(session, { summary: 'x', throughSeq: 8 }))).toMatchObject({
        code: 'INVALID_ARGUMENT',
      });
      await expectNotFound(store.replaceWindow(ref(bob, session.sessionId), { summary: 'x', throughSeq: 1 }));
    });

    it('rejects bad paging input with INVALID_ARGUMENT', async () => {
      const session = ref(alice, (await store.create(alice, { labels: [] })).id);
      for (const call of [
        store.list(alice, { limit: 0 }),
        store.list(alice, { limit: 10_000 }),
        store.list(alice, { cursor: 'not-a-cursor' }),
        store.messages(session, { cursor: '-1' }),
        store.readTurnEvents(session, 'turn', -1),
      ]) {
        expect(await rejection(call)).toMatchObject({ code: 'INVALID_ARGUMENT' });
      }
    });

    it('expires an inactive session, and activity or touch slides the TTL', async () => {
      await open({ sessionTtlMs: 1_000, turnEventTtlMs: 1_000 });
      const idle = ref(alice, (await store.create(alice, { labels: [] })).id);
      const busy = ref(alice, (await store.create(alice, { labels: [] })).id);
      const touched = ref(alice, (await store.create(alice, { labels: [] })).id);
      await sleep(600);
      await store.appendMessage(busy, { role: 'user', content: 'still here' });
      await store.touch(touched);
      await sleep(600);
      // Its owner is told it expired; anyone else still cannot tell it ever existed.
      expect(await rejection(store.get(idle))).toMatchObject({ code: 'SESSION_EXPIRED' });
      expect(await rejection(store.appendMessage(idle, { role: 'user', content: 'x' }))).toMatchObject({
        code: 'SESSION_EXPIRED',
      });
      await expectNotFound(store.get(ref(bob, idle.sessionId)));
      expect((await store.get(busy)).messageCount).toBe(1);
      await store.get(touched);
      expect((await store.list(alice)).items.map((s) => s.id).sort()).toEqual(
        [busy.sessionId, touched.sessionId].sort(),
      );
      await store.delete(touched);
      await sleep(1_200);
      expect(await rejection(store.get(busy))).toMatchObject({ code: 'SESSION_EXPIRED' });
      // A deleted session is gone, not expired.
      await expectNotFound(store.touch(touched));
      expect((await store.list(alice)).items).toEqual([]);
    });

    it('buffers the events of a turn with seqs 1, 2, ... and reads after an offset', async () => {
      const session = ref(alice, (await store.create(alice, { labels: [] })).id);
      const { turnId } = await store.beginTurn(session, 10_000);
      expect(await store.appendTurnEvent(session, turnId, { type: 'token', text: 'Hel' })).toBe(1);
      expect(await store.appendTurnEvent(session, turnId, { type: 'token', text: 'lo' })).toBe(2);
      expect(await store.appendTurnEvent(session, turnId, { type: 'done', usage: { tokens: 2 } })).toBe(3);
      expect(await store.readTurnEvents(session, turnId, 1)).toEqual([
        { seq: 2, event: { type: 'token', text: 'lo' } },
        { seq: 3, event: { type: 'done', usage: { tokens: 2 } } },
      ]);
      expect(await store.readTurnEvents(session, turnId, 3)).toEqual([]);
      expect(await rejection(store.appendTurnEvent(session, turnId, { type: 'token' }))).toMatchObject({
        code: 'FAILED_PRECONDITION',
      });
      await expectNotFound(store.readTurnEvents(ref(bob, session.sessionId), turnId, 0));
    });

    it('writes a numbered event at most once: a retried append does not add it again', async () => {
      const session = ref(alice, (await store.create(alice, { labels: [] })).id);
      const { turnId } = await store.beginTurn(session, 10_000);
      expect(await store.appendTurnEvent(session, turnId, { type: 'started' }, 1)).toBe(1);
      expect(await store.appendTurnEvent(session, turnId, { type: 'started' }, 1)).toBe(1);
      expect(await store.appendTurnEvent(session, turnId, { type: 'token', text: 'a' }, 2)).toBe(2);
      expect(await rejection(store.appendTurnEvent(session, turnId, { type: 'token' }, 4))).toMatchObject({
        code: 'INTERNAL',
      });
      expect(await store.appendTurnEvent(session, turnId, { type: 'done' }, 3)).toBe(3);
      expect(await store.appendTurnEvent(session, turnId, { type: 'done' }, 3)).toBe(3);
      expect((await store.readTurnEvents(session, turnId, 0)).map((e) => [e.seq, e.event.type])).toEqual([
        [1, 'started'],
        [2, 'token'],
        [3, 'done'],
      ]);
    });

    it('follows a live turn: every event after the offset exactly once, in order, to the end', async () => {
      const session = ref(alice, (await store.create(alice, { labels: [] })).id);
      const { turnId } = await store.beginTurn(session, 10_000);
      const started = Date.now();
      await store.appendTurnEvent(session, turnId, { type: 'token', n: 1 });
      await store.appendTurnEvent(session, turnId, { type: 'token', n: 2 });
      const fromStart = collect(store.followTurn(session, turnId, 0, { timeoutMs: 5_000 }));
      const resumed = collect(store.followTurn(session, turnId, 1, { timeoutMs: 5_000 }));
      for (let n = 3; n <= 30; n++) {
        await store.appendTurnEvent(session, turnId, { type: 'token', n });
        if (n % 7 === 0) await sleep(5);
      }
      await store.appendTurnEvent(session, turnId, { type: 'done' });
      const all = await fromStart;
      expect(all.map((e) => e.seq)).toEqual(Array.from({ length: 31 }, (_, n) => n + 1));
      expect(all.slice(0, 30).map((e) => e.event.n)).toEqual(Array.from({ length: 30 }, (_, n) => n + 1));
      expect(all.at(-1)?.event.type).toBe('done');
      expect((await resumed).map((e) => e.seq)).toEqual(Array.from({ length: 30 }, (_, n) => n + 2));
      // Followers wake on each event; one that missed a wake-up would sit out its 5 s timeout.
      expect(Date.now() - started).toBeLessThan(2_500);
      // A finished turn replays what is left and ends at once.
      expect(await collect(store.followTurn(session, turnId, 29, { timeoutMs: 1_000 }))).toHaveLength(2);
    });

    it('stops following a turn that does not end within the timeout', async () => {
      const session = ref(alice, (await store.create(alice, { labels: [] })).id);
      const { turnId } = await store.beginTurn(session, 10_000);
      await store.appendTurnEvent(session, turnId, { type: 'token' });
      const seen: number[] = [];
      const started = Date.now();
      const error = await rejection(
        (async () => {
          for await (const e of store.followTurn(session, turnId, 0, { timeoutMs: 300 })) seen.push(e.seq);
        })(),
      );
      expect(error).toMatchObject({ code: 'DEADLINE_EXCEEDED' });
      expect(seen).toEqual([1]);
      expect(Date.now() - started).toBeLessThan(3_000);
    });

    it('settles a running message as ok or failed with its code, and no other message', async () => {
      const session = ref(alice, (await store.create(alice, { labels: [] })).id);
      const asked = await store.appendMessage(session, {
        role: 'user',
        content: '"status":"running"',
        status: 'running',
      });
      const again = await store.appendMessage(session, { role: 'user', content: 'again', status: 'running' });
      await store.setMessageStatus(session, asked.seq, 'failed', 'PROVIDER_UNAVAILABLE');
      await store.setMessageStatus(session, again.seq, 'ok');
      await store.setMessageStatus(session, 99, 'ok'); // past the window: nothing to settle
      const [first, second] = (await store.messages(session)).items;
      expect(first).toMatchObject({
        content: '"status":"running"',
        status: 'failed',
        errorCode: 'PROVIDER_UNAVAILABLE',
      });
      expect(second).toMatchObject({ content: 'again', status: 'ok' });
      expect(second?.errorCode).toBeUndefined();
      await expectNotFound(store.setMessageStatus(ref(bob, session.sessionId), asked.seq, 'ok'));
    });

    it('counts active sessions and the last hour of messages, turns and summaries', async () => {
      const before = await store.stats();
      const session = ref(alice, (await store.create(alice, { labels: [] })).id);
      await store.create(bob, { labels: [] });
      await store.appendMessage(session, { role: 'user', content: 'one' });
      await store.appendMessage(session, { role: 'assistant', content: 'two' });
      const { turnId } = await store.beginTurn(session, 10_000);
      await store.replaceWindow(session, { summary: 'one', throughSeq: 1 });
      const after = await store.stats();
      expect(after.activeSessions - before.activeSessions).toBe(2);
      expect(after.messagesLastHour - before.messagesLastHour).toBe(2);
      expect(after.turnsLastHour - before.turnsLastHour).toBe(1);
      expect(after.summariesLastHour - before.summariesLastHour).toBe(1);
      expect((await store.get(session)).lastTurnId).toBe(turnId);
      await store.delete(session);
      expect((await store.stats()).activeSessions - before.activeSessions).toBe(1);
    });

    it('runs one turn at a time: a second one conflicts until done, error or lock expiry', async () => {
      const session = ref(alice, (await store.create(alice, { labels: [] })).id);
      const first = await store.beginTurn(session, 10_000);
      const conflict = await rejection(store.beginTurn(session, 10_000));
      expect(conflict).toMatchObject({ code: 'CONFLICT', retryable: true });
      await store.appendTurnEvent(session, first.turnId, { type: 'done' });
      const second = await store.beginTurn(session, 10_000);
      expect(second.turnId).not.toBe(first.turnId);
      await store.appendTurnEvent(session, second.turnId, { type: 'error', code: 'PROVIDER_FAILED' });
      const third = await store.beginTurn(session, 300);
      await expect(store.beginTurn(session, 300)).rejects.toMatchObject({ code: 'CONFLICT' });
      await sleep(450);
      const fourth = await store.beginTurn(session, 10_000);
      expect(fourth.turnId).not.toBe(third.turnId);
      await expectNotFound(store.beginTurn(ref(bob, session.sessionId), 10_000));
    });
  });
}
