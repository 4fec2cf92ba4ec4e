import { describe, expect, it } from '@jest/globals';
import { LiveTurn } from './live-turn.ts';

const collect = async (events: AsyncIterable<{ seq: number }>) => {
  const seqs: number[] = [];
  for await (const event of events) seqs.push(event.seq);
  return seqs;
};

describe('LiveTurn', () => {
  it('gives each follower every event after its offset once, live ones included, to the end', async () => {
    const turn = new LiveTurn('s');
    turn.push({ seq: 1, event: { type: 'started' } });
    turn.push({ seq: 2, event: { type: 'token', text: 'a' } });
    const fromStart = collect(turn.follow(0));
    const fromMiddle = collect(turn.follow(1));
    setTimeout(() => {
      turn.push({ seq: 3, event: { type: 'token', text: 'b' } });
      turn.push({ seq: 4, event: { type: 'done' } });
    }, 10);
    expect(await fromStart).toEqual([1, 2, 3, 4]);
    expect(await fromMiddle).toEqual([2, 3, 4]);
    expect(turn.ended).toBe(true);
    // A follower that saw the end has nothing to wait for.
    expect(await collect(turn.follow(4))).toEqual([]);
  });

  it('stops a follower whose signal aborts while it waits', async () => {
    const turn = new LiveTurn('s');
    turn.push({ seq: 1, event: { type: 'started' } });
    const controller = new AbortController();
    const following = collect(turn.follow(0, controller.signal));
    setTimeout(() => controller.abort(), 10);
    expect(await following).toEqual([1]);
  });
});
