import { describe, expect, it } from '@jest/globals';
import { loadPack } from '@ragfleet/packs';
import { healthyChannel, healthyNode } from '../rules/test-fixtures.ts';
import { readSubject } from './subject-context.ts';

const { schema } = loadPack('lightning');

describe('the Lightning pack’s reading of a node (packages/packs/lightning/context.ts)', () => {
  it('finds a healthy, balanced, complete node healthy with no worst signals', () => {
    const { context, worstSignals } = readSubject('lightning', schema, healthyNode());
    // uptime 0.99, success 0.95, every channel at 50 %: (0.99 + 0.95 + 1) / 3.
    expect(context.health).toBeCloseTo(0.98, 3);
    // peers up 99 %, every channel forwarding: (0.99 + 1) / 2.
    expect(context.networkConditions).toBeCloseTo(0.995, 3);
    expect(context.metricCompleteness).toBe(1);
    expect(worstSignals).toEqual([]);
  });

  it('lowers health with lopsided channels, weighted by capacity', () => {
    const small = healthyNode({}, [
      healthyChannel('a', { local_ratio: 0.5, capacity_sat: 9_000_000 }),
      healthyChannel('b', { local_ratio: 0, capacity_sat: 1_000_000 }),
    ]);
    const large = healthyNode({}, [
      healthyChannel('a', { local_ratio: 0.5, capacity_sat: 1_000_000 }),
      healthyChannel('b', { local_ratio: 0, capacity_sat: 9_000_000 }),
    ]);
    const smallHealth = readSubject('lightning', schema, small).context.health ?? 0;
    const largeHealth = readSubject('lightning', schema, large).context.health ?? 0;
    expect(smallHealth).toBeGreaterThan(largeHealth);
    expect(readSubject('lightning', schema, large).worstSignals).toContain(
      '1 depleted channels (local balance under 20 %)',
    );
  });

  it('names the worst signals worst first', () => {
    const node = healthyNode({ uptime: 0.5, forward_success_rate: 0.85 });
    const { worstSignals } = readSubject('lightning', schema, node);
    expect(worstSignals[0]).toBe('low node uptime 50 %');
    expect(worstSignals[1]).toBe('low forward success rate 85 %');
  });

  it('counts missing metrics in completeness and leaves what it cannot compute unknown', () => {
    const partial = {
      subject: { channels: 1 },
      collections: { channel: [{ id: 'a', metrics: { capacity_sat: 1_000_000 } }] },
    };
    const { context } = readSubject('lightning', schema, partial);
    // 1 of 5 node metrics and 1 of 8 channel metrics.
    expect(context.metricCompleteness).toBeCloseTo(2 / 13, 3);
    expect(context.health).toBeUndefined();
    expect(context.networkConditions).toBeUndefined();
  });

  it('reads nothing from a subject without a snapshot, and only completeness for a pack without a reader', () => {
    expect(readSubject('lightning', schema, undefined)).toEqual({ context: {}, worstSignals: [] });
    expect(readSubject('elsewhere', schema, healthyNode()).context).toEqual({ metricCompleteness: 1 });
  });
});
