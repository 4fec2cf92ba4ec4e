import { describe, expect, it } from '@jest/globals';
import { generateDemoNodes } from '@ragfleet/packs/lightning/demo-nodes.ts';
import { metricProblems } from '@ragfleet/packs';
import { evaluateRules } from './evaluate.ts';
import { loadRulePack } from './load-pack.ts';

const { schema, ruleSet } = loadRulePack('lightning');

describe('generateDemoNodes', () => {
  it('is deterministic from its seed, and different seeds give different nodes', () => {
    expect(generateDemoNodes(42, 5)).toEqual(generateDemoNodes(42, 5));
    expect(generateDemoNodes(43, 5)).not.toEqual(generateDemoNodes(42, 5));
  });

  const nodes = generateDemoNodes(7, 200);

  it('gives nodes that pass the schema, every metric present, with 2–40 channels', () => {
    const allSubject = Object.keys(schema.subject).sort();
    const allChannel = Object.keys(schema.collections.channel ?? {}).sort();
    for (const node of nodes) {
      expect(metricProblems(schema, node.metrics)).toEqual([]);
      expect(Object.keys(node.metrics.subject).sort()).toEqual(allSubject);
      const channels = node.metrics.collections.channel ?? [];
      expect(channels.length).toBeGreaterThanOrEqual(2);
      expect(channels.length).toBeLessThanOrEqual(40);
      expect(node.metrics.subject.channels).toBe(channels.length);
      for (const channel of channels) expect(Object.keys(channel.metrics).sort()).toEqual(allChannel);
      expect(node.pubkey).toMatch(/^0[23][0-9a-f]{64}$/);
    }
  });

  it('has plausible distributions: ratios in 0–1, capacity the sum of its channels, a spread of sizes', () => {
    const counts = nodes.map((n) => n.metrics.collections.channel?.length ?? 0);
    expect(new Set(counts).size).toBeGreaterThan(20);
    for (const node of nodes) {
      const channels = node.metrics.collections.channel ?? [];
      const sum = channels.reduce((total, c) => total + (c.metrics.capacity_sat ?? 0), 0);
      expect(node.metrics.subject.capacity_sat).toBe(sum);
      for (const key of ['forward_success_rate', 'uptime'] as const) {
        expect(node.metrics.subject[key]).toBeGreaterThanOrEqual(0);
        expect(node.metrics.subject[key]).toBeLessThanOrEqual(1);
      }
      for (const { metrics } of channels) {
        expect(metrics.local_ratio).toBeGreaterThanOrEqual(0);
        expect(metrics.local_ratio).toBeLessThanOrEqual(1);
        expect(metrics.capacity_sat).toBeGreaterThanOrEqual(100_000);
      }
    }
  });

  it('gives the rule engine work: most rules fire somewhere in a demo fleet, not everywhere', () => {
    const fired = new Set(
      nodes.flatMap((n) => evaluateRules(ruleSet, schema, n.metrics).flatMap((c) => c.ruleIds)),
    );
    expect(fired.size).toBeGreaterThanOrEqual(ruleSet.rules.length - 2);
    const quiet = nodes.filter((n) => evaluateRules(ruleSet, schema, n.metrics).length < 3);
    expect(quiet.length).toBeGreaterThan(0);
  });
});

describe('metricProblems', () => {
  it('names unknown metrics, non-numbers, duplicate ids and unknown collections by path', () => {
    const problems = metricProblems(schema, {
      subject: { uptime: Number.NaN, mood: 1 },
      collections: {
        channel: [
          { id: 'a', metrics: { fee_ppm: 'high' as unknown as number } },
          { id: 'a', metrics: {} },
        ],
        peer: [],
      },
    });
    expect(problems.map((p) => p.field)).toEqual([
      'subject.uptime',
      'subject.mood',
      'collections.channel.0.metrics.fee_ppm',
      'collections.channel.1.id',
      'collections.peer',
    ]);
  });
});
