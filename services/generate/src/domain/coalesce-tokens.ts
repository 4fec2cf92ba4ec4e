import type { AnswerEvent } from './answer-events.ts';

const NOT_YET = Symbol('not yet');

/**
 * What a producer awaits between the parts it wants to stream as separate events: it resolves in
 * the timers phase of the next loop iteration, after every setImmediate callback already queued
 * (coalesceTokens' end-of-batch check, stream writers' flushes) has run. One setImmediate would
 * not do: it is queued before coalesceTokens' own and fires first.
 */
export const afterPendingWork = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Resolves on the next turn of the event loop, after every already-settled promise has run. */
const nextTurn = () => new Promise<typeof NOT_YET>((resolve) => setImmediate(() => resolve(NOT_YET)));

/**
 * Merges token events that are already waiting into one, so that a provider producing many
 * tokens at once (the extractive answerer; a model catching up after a stall) crosses each hop
 * as one message instead of one per word. A token that is not ready within the current turn of
 * the event loop ends the batch, so a slow stream is forwarded without added delay.
 */
export async function* coalesceTokens(events: AsyncIterable<AnswerEvent>): AsyncGenerator<AnswerEvent> {
  const iterator = events[Symbol.asyncIterator]();
  let pending: Promise<IteratorResult<AnswerEvent>> | undefined;
  try {
    for (;;) {
      const result = await (pending ?? iterator.next());
      pending = undefined;
      if (result.done) return;
      if (result.value.type !== 'token') {
        yield result.value;
        continue;
      }
      let text = result.value.text;
      for (;;) {
        pending = iterator.next();
        let next: IteratorResult<AnswerEvent> | typeof NOT_YET;
        try {
          next = await Promise.race([pending, nextTurn()]);
        } catch {
          break; // send the tokens gathered so far; the outer loop rethrows from `pending`
        }
        if (next === NOT_YET || next.done || next.value.type !== 'token') break;
        text += next.value.text;
        pending = undefined;
      }
      yield { type: 'token', text };
    }
  } finally {
    // Stopping early (client gone) must still close the source so that upstream is cancelled.
    if (pending) void pending.catch(() => {});
    await iterator.return?.();
  }
}
