import { describe, expect, it } from '@jest/globals';
import { BreakerStates } from './breaker-states.ts';
import { parseHealthReport } from './health-report.ts';

describe('BreakerStates', () => {
  const at = (seconds: number) => 1_000_000 + seconds * 1_000;
  const make = () => {
    let now = at(0);
    const states = new BreakerStates({ ttlMs: 60_000, now: () => now });
    return { states, advance: (seconds: number) => (now += seconds * 1_000) };
  };

  it('keeps the latest report per replica, whatever the order of arrival', () => {
    const { states } = make();
    expect(states.record({ provider: 'ollama', state: 'open', replica: 'a', at: at(0) })).toBe(true);
    expect(states.record({ provider: 'ollama', state: 'closed', replica: 'a', at: at(-5) })).toBe(false);
    expect(states.isOpen('ollama')).toBe(true);
    expect(states.record({ provider: 'ollama', state: 'half-open', replica: 'a', at: at(1) })).toBe(true);
    expect(states.isOpen('ollama')).toBe(false);
  });

  it('is open while any replica last reported open, and forgets a report older than the TTL', () => {
    const { states, advance } = make();
    states.record({ provider: 'anthropic', state: 'open', replica: 'a', at: at(0) });
    states.record({ provider: 'anthropic', state: 'closed', replica: 'b', at: at(10) });
    expect(states.isOpen('anthropic')).toBe(true);
    expect(states.isOpen('ollama')).toBe(false);
    advance(59);
    expect(states.isOpen('anthropic')).toBe(true);
    advance(2);
    expect(states.isOpen('anthropic')).toBe(false);
    expect(states.snapshot()).toContainEqual({ provider: 'anthropic', open: false });
  });
});

describe('parseHealthReport', () => {
  it('reads an event envelope or the bare report, at in RFC 3339 or epoch ms', () => {
    const report = { provider: 'ollama', state: 'open', replica: 'gen-1', at: '2026-12-01T10:00:00.000Z' };
    const expected = { ...report, at: Date.parse(report.at) };
    expect(parseHealthReport(JSON.stringify({ id: 'e', type: 'provider.health', data: report }))).toEqual(
      expected,
    );
    expect(parseHealthReport(JSON.stringify({ ...report, at: expected.at }))).toEqual(expected);
  });

  it.each([
    ['not JSON', '{'],
    ['an unknown provider', JSON.stringify({ provider: 'openai', state: 'open', replica: 'r', at: 1 })],
    ['an unknown state', JSON.stringify({ provider: 'ollama', state: 'broken', replica: 'r', at: 1 })],
    ['no replica', JSON.stringify({ provider: 'ollama', state: 'open', at: 1 })],
    ['a bad time', JSON.stringify({ provider: 'ollama', state: 'open', replica: 'r', at: 'yesterday' })],
  ])('ignores %s', (_, payload) => {
    expect(parseHealthReport(payload)).toBeUndefined();
  });
});
