import { describe, expect, it } from '@jest/globals';
import { evaluateRules, fireRules, mergeCandidates, type Candidate } from './evaluate.ts';
import { loadRulePack } from './load-pack.ts';
import { parseRuleSet } from './rule-set.ts';
import { healthyChannel, healthyNode } from './test-fixtures.ts';

const { schema, ruleSet } = loadRulePack('lightning');

describe('evaluateRules', () => {
  it('makes one candidate per matching channel, naming the inputs that fired it', () => {
    const node = healthyNode({}, [
      healthyChannel('a', { local_ratio: 0.1 }),
      healthyChannel('b'),
      healthyChannel('c', { local_ratio: 0.05 }),
    ]);
    const rebalances = evaluateRules(ruleSet, schema, node).filter((c) => c.action === 'rebalance_in');
    expect(rebalances.map((c) => c.target)).toEqual(['channel:a', 'channel:c']);
    expect(rebalances[0]).toMatchObject({
      ruleIds: ['rebalance-depleted-active'],
      category: 'liquidity',
      inputs: { 'channel.local_ratio': 0.1, 'channel.forwards_30d': 40 },
    });
  });

  it('does not fire on a metric missing from the snapshot, even under not', () => {
    const set = parseRuleSet(
      {
        name: 't',
        version: 1,
        rules: [
          {
            id: 'not-rule',
            version: 1,
            category: 'x',
            description: 'Fires when uptime is not low.',
            scope: 'node',
            condition: { not: { lt: ['node.uptime', 0.5] } },
            candidate: {
              action: 'noop',
              target: 'node',
              effects: { revenue_delta_fraction: 0, effort_steps: 0, risk: 0, days_to_value: 0 },
            },
          },
        ],
      },
      schema,
    );
    expect(fireRules(set, schema, { subject: { uptime: 0.9 }, collections: {} })).toHaveLength(1);
    expect(fireRules(set, schema, { subject: {}, collections: {} })).toHaveLength(0);
    expect(fireRules(set, schema, { subject: { uptime: Number.NaN }, collections: {} })).toHaveLength(0);
  });

  it('merges two rules that say the same thing, keeping both ids and the stronger effects', () => {
    // Drained below 15 % by > 200 forwards at < 50 ppm: both raise-fee rules fire on one channel.
    const node = healthyNode({}, [
      healthyChannel('busy', { local_ratio: 0.1, forwards_30d: 300, fee_ppm: 20 }),
    ]);
    const raw = fireRules(ruleSet, schema, node).filter((c) => c.action === 'raise_fee');
    expect(raw).toHaveLength(2);
    const merged = evaluateRules(ruleSet, schema, node).filter((c) => c.action === 'raise_fee');
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({
      target: 'channel:busy',
      ruleIds: ['raise-fee-drained-by-outbound', 'raise-fee-underpriced-busy'],
      // 0.15 from the second rule, 0.25 risk from the first: the stronger of each.
      effects: { revenue_delta_fraction: 0.15, effort_steps: 1, risk: 0.25, days_to_value: 7 },
      inputs: { 'channel.local_ratio': 0.1, 'channel.forwards_30d': 300, 'channel.fee_ppm': 20 },
    });
  });

  it('keeps the same action on different targets apart', () => {
    const base: Candidate = {
      action: 'lower_fee',
      target: 'channel:a',
      category: 'fees',
      ruleIds: ['x'],
      effects: { revenue_delta_fraction: 0.1, effort_steps: 1, risk: 0.1, days_to_value: 5 },
      inputs: {},
    };
    const merged = mergeCandidates([
      base,
      { ...base, target: 'channel:b', ruleIds: ['y'] },
      { ...base, ruleIds: ['x'] },
    ]);
    expect(merged.map((c) => [c.target, c.ruleIds])).toEqual([
      ['channel:a', ['x']],
      ['channel:b', ['y']],
    ]);
    // Merging copies: the input candidate is not changed.
    expect(base.ruleIds).toEqual(['x']);
  });
});
