import { describe, expect, it } from '@jest/globals';
import { canTransition, isTerminal, newJob, transition } from './job-state.ts';

const t0 = new Date('2025-01-01T00:00:00Z');
const t1 = new Date('2025-01-01T00:00:05Z');

describe('job state machine', () => {
  it('starts queued with no progress', () => {
    expect(newJob('j1', 'acme', ['a', 'b'], t0)).toEqual({
      id: 'j1',
      tenant: 'acme',
      state: 'queued',
      documentIds: ['a', 'b'],
      documentsDone: 0,
      chunksIndexed: 0,
      error: '',
      attempts: 0,
      createdAt: t0.toISOString(),
      updatedAt: t0.toISOString(),
    });
  });

  it('moves queued -> running -> succeeded, stamping the time', () => {
    const running = transition(newJob('j1', 'acme', ['a'], t0), 'running', t1, { attempts: 1 });
    expect(running).toMatchObject({ state: 'running', attempts: 1, updatedAt: t1.toISOString() });
    expect(transition(running, 'succeeded', t1).state).toBe('succeeded');
  });

  it('allows a retry (running -> queued) and a redelivery of a running job (running -> running)', () => {
    expect(canTransition('running', 'queued')).toBe(true);
    expect(canTransition('running', 'running')).toBe(true);
  });

  it('never leaves a terminal state', () => {
    for (const terminal of ['succeeded', 'failed'] as const) {
      expect(isTerminal(terminal)).toBe(true);
      const job = { ...newJob('j1', 'acme', ['a'], t0), state: terminal };
      expect(() => transition(job, 'running', t1)).toThrow(/illegal transition/);
    }
    expect(isTerminal('queued')).toBe(false);
    expect(canTransition('queued', 'succeeded')).toBe(false);
  });
});
