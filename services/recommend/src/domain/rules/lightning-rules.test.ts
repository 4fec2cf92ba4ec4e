import { describe, expect, it } from '@jest/globals';
import { evaluateRules } from './evaluate.ts';
import { loadRulePack } from './load-pack.ts';
import type { SubjectMetrics } from '@ragfleet/packs';
import { healthyChannel, healthyNode } from './test-fixtures.ts';

const { schema, ruleSet } = loadRulePack('lightning');

/** A channel problem on one channel of an otherwise healthy node. */
const withChannel = (overrides: Record<string, number>) =>
  healthyNode({}, [
    healthyChannel('sick', overrides),
    ...Array.from({ length: 9 }, (_, i) => healthyChannel(`ok${i}`)),
  ]);

/** For each rule, a node crafted to trip it (and the target it must name). */
const crafted: Record<string, { node: SubjectMetrics; target: string }> = {
  'rebalance-depleted-active': {
    node: withChannel({ local_ratio: 0.1, forwards_30d: 30 }),
    target: 'channel:sick',
  },
  'rebalance-saturated-active': {
    node: withChannel({ local_ratio: 0.9, forwards_30d: 30 }),
    target: 'channel:sick',
  },
  'raise-fee-drained-by-outbound': {
    node: withChannel({ local_ratio: 0.08, forwards_30d: 120, fee_ppm: 150 }),
    target: 'channel:sick',
  },
  'raise-fee-underpriced-busy': {
    node: withChannel({ fee_ppm: 10, forwards_30d: 400 }),
    target: 'channel:sick',
  },
  'lower-fee-idle-balanced': {
    node: withChannel({ forwards_30d: 1, fee_ppm: 900, age_days: 120 }),
    target: 'channel:sick',
  },
  'lower-base-fee-idle': {
    node: withChannel({ base_fee_msat: 5000, forwards_30d: 2 }),
    target: 'channel:sick',
  },
  'close-unreliable-idle-peer': {
    node: withChannel({ peer_uptime: 0.4, forwards_30d: 0, age_days: 200 }),
    target: 'channel:sick',
  },
  'close-small-dead-channel': {
    node: withChannel({ capacity_sat: 200_000, forwards_30d: 0, age_days: 365 }),
    target: 'channel:sick',
  },
  'investigate-channel-failures': {
    node: withChannel({ forwards_30d: 10, failed_forwards_30d: 60 }),
    target: 'channel:sick',
  },
  'investigate-node-failure-rate': { node: healthyNode({ forward_success_rate: 0.6 }), target: 'node' },
  'open-channels-small-node': {
    node: healthyNode({ channels: 3, capacity_sat: 3_000_000 }, [
      healthyChannel('a'),
      healthyChannel('b'),
      healthyChannel('c'),
    ]),
    target: 'node',
  },
  'improve-node-uptime': { node: healthyNode({ uptime: 0.85 }), target: 'node' },
  'review-fee-policy-low-revenue': { node: healthyNode({ routing_revenue_sat_30d: 300 }), target: 'node' },
};

describe('the Lightning pack', () => {
  it('has at least 10 rules, each described, and a crafted node for every one', () => {
    expect(ruleSet.rules.length).toBeGreaterThanOrEqual(10);
    expect(Object.keys(crafted).sort()).toEqual(ruleSet.rules.map((r) => r.id).sort());
    for (const rule of ruleSet.rules) expect(rule.description.length).toBeGreaterThan(40);
  });

  it('flags nothing on a healthy node', () => {
    expect(evaluateRules(ruleSet, schema, healthyNode())).toEqual([]);
  });

  it.each(Object.entries(crafted))('%s fires on its crafted node', (id, { node, target }) => {
    const hit = evaluateRules(ruleSet, schema, node).find((c) => c.ruleIds.includes(id));
    expect(hit).toBeDefined();
    expect(hit?.target).toBe(target);
    // Only the crafted channel is flagged by channel rules: its healthy siblings are not.
    for (const candidate of evaluateRules(ruleSet, schema, node)) {
      if (candidate.target.startsWith('channel:')) expect(candidate.target).toBe('channel:sick');
    }
  });
});
