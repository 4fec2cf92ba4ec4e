import { describe, expect, it } from '@jest/globals';
import type { GenerateV1 } from '@ragfleet/protos';
import { answerEvents, collectAnswer } from './rag-answer.ts';

const DONE: GenerateV1.AnswerResponse__Output = {
  event: 'done',
  done: { provider: 'p', model: 'm', finishReason: 'stop', promptVersion: 'v1', timeToFirstTokenMs: 1 },
} as GenerateV1.AnswerResponse__Output;
const TOKEN = { event: 'token', token: { text: 'hi' } } as GenerateV1.AnswerResponse__Output;

/** An upstream stream that records how its reader left it: read to its end, or returned (cancelled). */
function upstream(
  messages: GenerateV1.AnswerResponse__Output[],
  after: GenerateV1.AnswerResponse__Output[] = [],
) {
  const queue = [...messages, ...after];
  const seen = { reads: 0, returned: false };
  const iterator: AsyncIterator<GenerateV1.AnswerResponse__Output> = {
    next: async () => {
      seen.reads += 1;
      const value = queue.shift();
      return value ? { done: false, value } : { done: true, value: undefined };
    },
    return: async () => {
      seen.returned = true;
      return { done: true, value: undefined };
    },
  };
  return { seen, stream: { [Symbol.asyncIterator]: () => iterator } };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('answerEvents', () => {
  it('reads the upstream to its end after done instead of cancelling it', async () => {
    const { seen, stream } = upstream([TOKEN, DONE]);
    const answer = await collectAnswer(answerEvents(stream));
    expect(answer.answer).toBe('hi');
    await settle();
    // token, done, then the end of the stream; never return(), which would cancel the call.
    expect(seen).toEqual({ reads: 3, returned: false });
  });

  it('cancels an upstream that sends more after done', async () => {
    const { seen, stream } = upstream([TOKEN, DONE], [TOKEN]);
    await collectAnswer(answerEvents(stream));
    await settle();
    expect(seen.returned).toBe(true);
  });

  it('cancels the upstream when its reader leaves before the terminal event', async () => {
    const { seen, stream } = upstream([TOKEN, TOKEN, DONE]);
    for await (const event of answerEvents(stream)) {
      expect(event.type).toBe('token');
      break;
    }
    expect(seen).toEqual({ reads: 1, returned: true });
  });
});
