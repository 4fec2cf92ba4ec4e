import { describe, expect, it } from '@jest/globals';
import { createLogger } from '@ragfleet/telemetry';
import { MemorySessionStore } from '../../adapters/memory-session-store.ts';
import type { Answerer } from '../answerer.ts';
import type { TurnEvent } from '../records.ts';
import type { SessionStore } from '../session-store.ts';
import { TurnEngine } from './turn-engine.ts';
import type { TurnObserver } from './turn-observer.ts';

const quiet: TurnObserver = {
  turnEnded: () => {},
  contextSent: () => {},
  messageAppended: () => {},
  summarized: () => {},
  resumed: () => {},
};

const answerer: Answerer = {
  async *answer(question) {
    yield { type: 'token', text: `Answer to ${question.query}` } as TurnEvent;
    yield { type: 'done', model: 'fake', provider: 'fake' } as TurnEvent;
  },
  summarize: async () => {
    throw new Error('not summarized here');
  },
};

/** A store whose reply append is slow, as a Redis round trip under load can be. */
function slowReplies(store: MemorySessionStore): SessionStore {
  return new Proxy(store, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver) as unknown;
      if (name !== 'appendMessage' || typeof value !== 'function') {
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return async (...args: Parameters<SessionStore['appendMessage']>) => {
        if (args[1].role === 'assistant') await new Promise((resolve) => setTimeout(resolve, 50));
        return store.appendMessage(...args);
      };
    },
  });
}

describe('TurnEngine', () => {
  it('sends done only once the reply is stored, so a turn begun on done follows the reply', async () => {
    const store = slowReplies(new MemorySessionStore({ sessionTtlMs: 60_000, turnEventTtlMs: 60_000 }));
    const engine = new TurnEngine({
      store,
      answerer,
      observer: quiet,
      logger: createLogger('session-test', 'silent'),
      countTokens: (text) => text.length,
      contextTokens: 1_000,
      maxMessageChars: 1_000,
      turnTimeoutMs: 5_000,
      summary: { afterTurn: async () => {} } as never,
    });
    const owner = { tenant: 'acme', user: 'alice' };
    const session = await store.create(owner, { title: '', topic: '', labels: [] } as never);
    const ref = { ...owner, sessionId: session.id };
    for (const question of ['first?', 'second?', 'third?']) {
      // The next turn starts the moment this one's done arrives, as a client would.
      for await (const { event } of await engine.start(ref, {
        message: question,
        k: 3,
        filters: {},
        promptVersion: '',
      })) {
        if (event.type === 'done') break;
      }
    }
    await engine.drain(1_000);
    const roles = (await store.messages(ref)).items.map((message) => message.role);
    expect(roles).toEqual(['user', 'assistant', 'user', 'assistant', 'user', 'assistant']);
  });
});
