import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { EventEmitter } from 'node:events';
import { Heartbeat, type PingableSocket } from './heartbeat.ts';

class FakeSocket extends EventEmitter implements PingableSocket {
  pings = 0;
  terminated = false;
  answers = true;
  ping(): void {
    this.pings++;
    if (this.answers) queueMicrotask(() => this.emit('pong'));
  }
  terminate(): void {
    this.terminated = true;
    this.emit('close');
  }
}

describe('Heartbeat', () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('keeps a peer that answers pings and terminates one that stops answering', async () => {
    const heartbeat = new Heartbeat(1_000);
    const live = new FakeSocket();
    const dead = new FakeSocket();
    heartbeat.track(live);
    heartbeat.track(dead);
    await jest.advanceTimersByTimeAsync(1_000);
    expect([live.pings, dead.pings]).toEqual([1, 1]);
    dead.answers = false;
    await jest.advanceTimersByTimeAsync(1_000); // dead misses this ping
    await jest.advanceTimersByTimeAsync(1_000); // and is cut on the next beat
    expect(dead.terminated).toBe(true);
    expect(live.terminated).toBe(false);
    expect(live.pings).toBe(3);
    heartbeat.stop();
  });

  it('forgets closed sockets', async () => {
    const heartbeat = new Heartbeat(1_000);
    const socket = new FakeSocket();
    heartbeat.track(socket);
    socket.emit('close');
    await jest.advanceTimersByTimeAsync(3_000);
    expect(socket.pings).toBe(0);
    heartbeat.stop();
  });
});
