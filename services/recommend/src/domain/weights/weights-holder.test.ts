import { describe, expect, it } from '@jest/globals';
import { SEED_WEIGHTS } from '../scoring/weights.ts';
import { WeightsHolder, type WeightsOffer } from './weights-holder.ts';

const factors = (revenue: number) => [
  { name: 'revenue_impact', weight: revenue },
  { name: 'ease_of_implementation', weight: 0.5 - revenue },
  { name: 'risk_level', weight: 0.15 },
  { name: 'time_to_value', weight: 0.15 },
  { name: 'data_confidence', weight: 0.1 },
  { name: 'network_conditions', weight: 0.1 },
];
const offer = (version: string, createdAt: string, revenue = 0.3): WeightsOffer => ({
  version,
  factors: factors(revenue),
  createdAt,
  origin: 'fit',
});

function holder() {
  const changes: string[] = [];
  const refusals: string[] = [];
  let clock = 0;
  const weights = new WeightsHolder(
    {
      changed: (from, to, via) => changes.push(`${from}→${to} (${via})`),
      refused: (version) => refusals.push(version),
    },
    () => new Date(1_000 * ++clock),
  );
  return { weights, changes, refusals };
}

describe('WeightsHolder', () => {
  it('starts on the seed weights, not yet from feedback', () => {
    const { weights } = holder();
    expect(weights.weights).toBe(SEED_WEIGHTS);
    expect(weights.source).toBe('seed');
  });

  it('takes a valid version and reports the change', () => {
    const { weights, changes } = holder();
    expect(weights.offer(offer('fit-1', '2026-01-01T00:00:00.000Z', 0.4), 'start')).toBe('taken');
    expect(weights.weights.version).toBe('fit-1');
    expect(weights.weights.factors.revenue_impact).toBe(0.4);
    expect(weights.source).toBe('feedback');
    expect(changes).toEqual(['seed-1→fit-1 (start)']);
    expect(weights.offer(offer('fit-1', '2026-01-01T00:00:00.000Z', 0.4), 'poll')).toBe('unchanged');
  });

  it('refuses invalid weights, counts them and keeps the old ones', () => {
    const { weights, refusals } = holder();
    weights.offer(offer('fit-1', '2026-01-01T00:00:00.000Z'), 'start');
    const broken = { ...offer('fit-2', '2026-01-02T00:00:00.000Z'), factors: factors(0.3).slice(1) };
    expect(weights.offer(broken, 'event')).toBe('refused');
    expect(
      weights.offer({ ...offer('fit-3', '2026-01-03T00:00:00.000Z'), factors: factors(0.9) }, 'event'),
    ).toBe('refused');
    expect(refusals).toEqual(['fit-2', 'fit-3']);
    expect(weights.weights.version).toBe('fit-1');
  });

  it('ignores an older activation from an event, but takes the authority’s answer (a rollback)', () => {
    const { weights } = holder();
    weights.offer(offer('fit-2', '2026-01-02T00:00:00.000Z'), 'start');
    expect(weights.offer(offer('fit-1', '2026-01-01T00:00:00.000Z'), 'event')).toBe('older');
    expect(weights.weights.version).toBe('fit-2');
    expect(weights.offer(offer('fit-1', '2026-01-01T00:00:00.000Z'), 'poll', true)).toBe('taken');
    expect(weights.weights.version).toBe('fit-1');
  });
});
