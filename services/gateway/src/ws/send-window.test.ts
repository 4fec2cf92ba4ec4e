import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { isRagfleetError } from '@ragfleet/errors';
import { SendWindow } from './send-window.ts';

const OPTIONS = { highWaterBytes: 100, hardLimitBytes: 1_000, stallTimeoutMs: 500, pollMs: 10 };

describe('SendWindow', () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('lets the next event through at once while the buffer is at or below the high-water mark', async () => {
    const window = new SendWindow({ bufferedAmount: 100 }, OPTIONS);
    await expect(window.ready(new AbortController().signal)).resolves.toBeUndefined();
  });

  it('pauses above the high-water mark and resumes once the client has read enough', async () => {
    const socket = { bufferedAmount: 400 };
    const window = new SendWindow(socket, OPTIONS);
    let resumed = false;
    void window.ready(new AbortController().signal).then(() => (resumed = true));
    await jest.advanceTimersByTimeAsync(200);
    expect(resumed).toBe(false);
    socket.bufferedAmount = 50;
    await jest.advanceTimersByTimeAsync(10);
    expect(resumed).toBe(true);
  });

  it('gives up with SLOW_CONSUMER when the buffer stays above the mark for the stall timeout', async () => {
    const window = new SendWindow({ bufferedAmount: 400 }, OPTIONS);
    const outcome = window.ready(new AbortController().signal).catch((error: unknown) => error);
    await jest.advanceTimersByTimeAsync(510);
    const error = await outcome;
    expect(isRagfleetError(error) && error.code).toBe('SLOW_CONSUMER');
  });

  it('cuts at once above the hard limit', async () => {
    const window = new SendWindow({ bufferedAmount: 1_001 }, OPTIONS);
    await expect(window.ready(new AbortController().signal)).rejects.toMatchObject({ code: 'SLOW_CONSUMER' });
  });

  it('stops waiting when the ask is aborted', async () => {
    const window = new SendWindow({ bufferedAmount: 400 }, OPTIONS);
    const controller = new AbortController();
    const waiting = window.ready(controller.signal);
    controller.abort();
    await expect(waiting).resolves.toBeUndefined();
  });
});
