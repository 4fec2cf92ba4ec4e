import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { SessionV1 } from '@ragfleet/protos';
import { runWithRequestContext } from '@ragfleet/telemetry';
import { uniqueSuffix } from '@ragfleet/testing';
import { startFakeGenerate, type FakeGenerate } from './support/fake-generate.ts';
import { startRunningSession, type RunningSession } from './support/running-session.ts';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const alice = { tenant: 'acme', user: 'alice' };
const bob = { tenant: 'acme', user: 'bob' };
const as = <T>(caller: { tenant: string; user: string }, fn: () => Promise<T>) =>
  runWithRequestContext({ requestId: `req-${uniqueSuffix()}`, ...caller }, fn);

type Event = SessionV1.TurnEvent__Output;

async function drain(events: AsyncIterable<Event>, stopAfter = Infinity): Promise<Event[]> {
  const seen: Event[] = [];
  for await (const event of events) {
    seen.push(event);
    if (seen.length >= stopAfter) break;
  }
  return seen;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

const answerText = (events: Event[]) => events.flatMap((e) => (e.token ? [e.token.text] : [])).join('');

describe('session turns through gRPC, against a generate that speaks GenerateService', () => {
  let generate: FakeGenerate;
  let service: RunningSession;
  const keyPrefix = `ragfleet:test:turns:${uniqueSuffix()}:`;
  let other: RunningSession;

  beforeAll(async () => {
    generate = await startFakeGenerate();
    const env = {
      GENERATE_ADDR: generate.address,
      REDIS_URL,
      SESSION_KEY_PREFIX: keyPrefix,
      SESSION_SUMMARY_TRIGGER_MESSAGES: '6',
      SESSION_SUMMARY_BATCH_MESSAGES: '3',
      SESSION_WINDOW_MESSAGES: '8',
    };
    service = await startRunningSession(env);
    other = await startRunningSession(env);
  });
  afterAll(async () => {
    await service?.stop();
    await other?.stop();
    await generate?.close();
  });

  const newSession = async () => (await as(alice, () => service.client.createSession({})))?.session?.id ?? '';
  const turn = (sessionId: string, message: string, stopAfter?: number) =>
    as(alice, () => drain(service.client.turn({ sessionId, message }), stopAfter));

  it('streams numbered events and records the question and the reply with its sources', async () => {
    generate.replies = [
      { kind: 'answer', text: 'Lift loads the wing.', titles: ['Wing loading', 'Wing loading'] },
    ];
    const id = await newSession();
    const events = await turn(id, 'How is a wing loaded?');
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(events[0]?.started).toMatchObject({ sessionId: id, messageId: '1' });
    expect(events.map((e) => e.event)).toEqual([
      'started',
      'status',
      'status',
      'citations',
      'status',
      ...Array(4).fill('token'),
      'usage',
      'done',
    ]);
    expect(answerText(events)).toBe('Lift loads the wing.');
    const read = await as(alice, () => service.client.getSession({ id }));
    expect(read.session?.messageCount).toBe(2);
    expect(read.messages).toMatchObject([
      { role: 'ROLE_USER', text: 'How is a wing loaded?', status: 'TURN_STATUS_DONE' },
      {
        role: 'ROLE_ASSISTANT',
        text: 'Lift loads the wing.',
        status: 'TURN_STATUS_DONE',
        model: 'fake-1',
        provider: 'fake',
        promptVersion: 'v3',
        citations: [{ documentId: 'wing-loading', chunkId: 'c0', title: 'Wing loading' }],
      },
    ]);
  });

  it('sends the history and a standalone search query for a follow-up', async () => {
    generate.replies = [{ kind: 'answer', text: 'Heavy.' }];
    const id = await newSession();
    await turn(id, 'How does a swept wing behave at transonic speed?');
    const before = generate.answers.length;
    await turn(id, 'What about its drawbacks?');
    const asked = generate.answers[before];
    expect(asked?.query).toBe('What about its drawbacks?');
    expect(asked?.searchQuery).toBe('What about its drawbacks? swept wing behave transonic speed');
    expect(asked?.history).toEqual([
      { role: 'user', content: 'How does a swept wing behave at transonic speed?' },
      { role: 'assistant', content: 'Heavy.' },
    ]);
    // A question that stands alone is searched for as typed.
    await turn(id, 'Which materials resist hypersonic heating best?');
    expect(generate.answers.at(-1)?.searchQuery).toBe('');
  });

  it('refuses a second turn on the session while one runs (CONFLICT), and serves it after', async () => {
    generate.replies = [{ kind: 'answer', text: 'slow answer with several words', tokenDelayMs: 40 }];
    const id = await newSession();
    const first = turn(id, 'First question about wings?');
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(await rejection(turn(id, 'Second question about wings?'))).toMatchObject({
      code: 'CONFLICT',
      retryable: true,
    });
    expect((await first).at(-1)?.event).toBe('done');
    expect((await turn(id, 'Second question about wings?')).at(-1)?.event).toBe('done');
  });

  it('records a failed answer as a failed question, never as a reply, and suggests what to ask', async () => {
    generate.replies = [
      { kind: 'error', code: 'PROVIDER_UNAVAILABLE', afterFallbacks: 1, titles: ['Delta wings'] },
    ];
    const id = await newSession();
    const events = await turn(id, 'How do delta wings stall?');
    expect(events.at(-1)?.error).toEqual({
      code: 'PROVIDER_UNAVAILABLE',
      message: 'no model provider could answer',
      retryable: true,
      attempts: 2,
      fallbackSuggestions: ['What does "Delta wings" say about delta wings stall?'],
    });
    const read = await as(alice, () => service.client.getSession({ id }));
    expect(read.messages).toMatchObject([
      { role: 'ROLE_USER', status: 'TURN_STATUS_FAILED', errorCode: 'PROVIDER_UNAVAILABLE' },
    ]);
    // The failed question is not sent as history: it has no answer.
    generate.replies = [{ kind: 'answer', text: 'Fine.' }];
    await turn(id, 'How do delta wings generate vortex lift?');
    expect(generate.answers.at(-1)?.history).toEqual([]);
  });

  it('resumes a dropped turn on the other replica: every event once, in order', async () => {
    generate.replies = [
      { kind: 'answer', text: 'one two three four five six seven eight', tokenDelayMs: 30 },
    ];
    const id = await newSession();
    const head = await turn(id, 'Count to eight for me please?', 6);
    const last = head.at(-1)?.seq ?? 0;
    const turnId = head[0]?.started?.turnId ?? '';
    const rest = await as(alice, () =>
      drain(other.client.resumeTurn({ sessionId: id, turnId, afterSeq: last })),
    );
    const all = [...head, ...rest];
    expect(all.map((e) => e.seq)).toEqual(all.map((_, i) => i + 1));
    expect(all.at(-1)?.event).toBe('done');
    expect(answerText(all)).toBe('one two three four five six seven eight');
    // From 0, after the end, on the first replica (from its store buffer): the same events.
    const replay = await as(alice, () =>
      drain(service.client.resumeTurn({ sessionId: id, turnId, afterSeq: 0 })),
    );
    expect(replay).toEqual(all);
    // After the last event: complete at once, from the store's buffer as from the live turn.
    expect(
      await as(alice, () => drain(other.client.resumeTurn({ sessionId: id, turnId, afterSeq: all.length }))),
    ).toEqual([]);
    // An empty turn id is the latest turn.
    const latest = await as(alice, () =>
      drain(other.client.resumeTurn({ sessionId: id, afterSeq: all.length - 1 })),
    );
    expect(latest.map((e) => e.event)).toEqual(['done']);
  });

  it('refuses bad turns and resumes with stable codes', async () => {
    const id = await newSession();
    const expectCode = async (promise: Promise<unknown>, code: string) =>
      expect(await rejection(promise)).toMatchObject({ code });
    await expectCode(turn(id, '   '), 'INVALID_ARGUMENT');
    await expectCode(turn(id, 'x'.repeat(1_000_000)), 'INVALID_ARGUMENT');
    await expectCode(turn('no-such-session', 'hello there wing'), 'SESSION_NOT_FOUND');
    await expectCode(
      as(bob, () => drain(service.client.turn({ sessionId: id, message: 'mine now?' }))),
      'SESSION_NOT_FOUND',
    );
    generate.replies = [{ kind: 'answer', text: 'Short.' }];
    const events = await turn(id, 'How is a wing loaded?');
    const turnId = events[0]?.started?.turnId ?? '';
    const resume = (caller: typeof alice, turn: string, afterSeq: number) =>
      as(caller, () => drain(service.client.resumeTurn({ sessionId: id, turnId: turn, afterSeq })));
    await expectCode(resume(alice, turnId, events.length + 1), 'INVALID_ARGUMENT');
    await expectCode(resume(alice, 'no-such-turn', 0), 'NOT_FOUND');
    await expectCode(resume(bob, turnId, 0), 'SESSION_NOT_FOUND');
    const fresh = await newSession();
    await expectCode(
      as(alice, () => drain(service.client.resumeTurn({ sessionId: fresh, afterSeq: 0 }))),
      'NOT_FOUND',
    );
  });

  it('summarizes exactly at the trigger, folding the oldest batch, and sends the summary after', async () => {
    generate.replies = [{ kind: 'answer', text: 'Answer.' }];
    const id = await newSession();
    const summariesBefore = generate.summaries.length;
    await turn(id, 'First question names the Mach number?');
    await turn(id, 'Second question names the Reynolds number?');
    expect(generate.summaries.length).toBe(summariesBefore); // 4 messages: under the trigger of 6
    await turn(id, 'Third question names the boundary layer?');
    // 6 messages: the trigger; the 3 oldest are folded.
    await waitFor(async () => generate.summaries.length === summariesBefore + 1);
    expect(generate.summaries.at(-1)?.messages.map((m) => m.content)).toEqual([
      'First question names the Mach number?',
      'Answer.',
      'Second question names the Reynolds number?',
    ]);
    await waitFor(
      async () =>
        (await as(alice, () => service.client.getSession({ id }))).session?.summarizedMessageCount === 3,
    );
    await turn(id, 'Fourth question names the shock wave?');
    const asked = generate.answers.at(-1);
    expect(asked?.summary).toContain('First question names the Mach number?');
    expect(asked?.history.map((m) => m.content)).toEqual([
      'Answer.',
      'Third question names the boundary layer?',
      'Answer.',
    ]);
  });

  it('reports operator stats', async () => {
    const stats = await as(alice, () => service.client.getStats());
    expect(Number(stats.activeSessions)).toBeGreaterThan(0);
    expect(Number(stats.messagesLastHour)).toBeGreaterThan(10);
    expect(stats.turnsPerMinute).toBeGreaterThan(0);
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
