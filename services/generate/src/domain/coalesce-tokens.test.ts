import { describe, expect, it } from '@jest/globals';
import type { AnswerEvent } from './answer-events.ts';
import { coalesceTokens } from './coalesce-tokens.ts';

const token = (text: string): AnswerEvent => ({ type: 'token', text });
const done: AnswerEvent = {
  type: 'done',
  provider: 'p',
  model: 'm',
  finishReason: 'stop',
  promptVersion: 'v1',
  timeToFirstTokenMs: 0,
  cached: false,
  costUsd: 0,
};

async function collect(events: AsyncIterable<AnswerEvent>): Promise<AnswerEvent[]> {
  const out: AnswerEvent[] = [];
  for await (const event of coalesceTokens(events)) out.push(event);
  return out;
}

describe('coalesceTokens', () => {
  it('merges tokens that are ready at once and keeps other events in order', async () => {
    async function* source() {
      yield { type: 'status', stage: 'generating', message: 'go' } as AnswerEvent;
      yield token('Hello');
      yield token(' big');
      yield token(' world');
      yield done;
    }
    expect(await collect(source())).toEqual([
      { type: 'status', stage: 'generating', message: 'go' },
      token('Hello big world'),
      done,
    ]);
  });

  it('forwards a slow token without waiting for the next one', async () => {
    async function* source() {
      yield token('first');
      await new Promise((resolve) => setTimeout(resolve, 30));
      yield token(' second');
      yield done;
    }
    expect(await collect(source())).toEqual([token('first'), token(' second'), done]);
  });

  it('passes errors through after the tokens before them', async () => {
    async function* source(): AsyncGenerator<AnswerEvent> {
      yield token('partial');
      throw new Error('provider broke');
    }
    const seen: AnswerEvent[] = [];
    await expect(
      (async () => {
        for await (const event of coalesceTokens(source())) seen.push(event);
      })(),
    ).rejects.toThrow('provider broke');
    expect(seen).toEqual([token('partial')]);
  });

  it('closes the source when the consumer stops early', async () => {
    let closed = false;
    async function* source() {
      try {
        yield token('a');
        await new Promise((resolve) => setTimeout(resolve, 20));
        yield token('b');
      } finally {
        closed = true;
      }
    }
    for await (const _event of coalesceTokens(source())) break;
    expect(closed).toBe(true);
  });
});
