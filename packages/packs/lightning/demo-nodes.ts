import type { SubjectMetrics } from '../src/subject-metrics.ts';
import { seededRandom } from '@ragfleet/seeded-random';

/** A demo Lightning node: a public key, an alias, and the latest metrics in the pack's schema. */
export interface DemoNode {
  pubkey: string;
  alias: string;
  metrics: SubjectMetrics;
}

type Random = () => number;

const between = (random: Random, low: number, high: number) => low + (high - low) * random();
const intBetween = (random: Random, low: number, high: number) => Math.floor(between(random, low, high + 1));
/** Log-uniform: channel sizes and traffic span orders of magnitude, most of them small. */
const logBetween = (random: Random, low: number, high: number) =>
  Math.exp(between(random, Math.log(low), Math.log(high)));
const clamp01 = (value: number) => Math.min(1, Math.max(0, value));
const round = (value: number, places: number) => Number(value.toFixed(places));

const ALIAS_WORDS = [
  'amber',
  'bolt',
  'cedar',
  'delta',
  'ember',
  'fjord',
  'gale',
  'harbor',
  'iris',
  'juniper',
];
const ALIAS_NOUNS = ['relay', 'node', 'hub', 'router', 'forge', 'gate', 'yard', 'works'];

function pubkeyOf(random: Random): string {
  let hex = random() < 0.5 ? '02' : '03';
  for (let i = 0; i < 32; i++) hex += intBetween(random, 0, 255).toString(16).padStart(2, '0');
  return hex;
}

function channel(random: Random, index: number, nodeAge: number) {
  // Standard sizes dominate real channel lists: 100k–16.7M sat, log-uniform.
  const capacity_sat = Math.round(logBetween(random, 100_000, 16_777_215) / 1000) * 1000;
  // Balance skews toward the ends: a fifth of channels are depleted or saturated.
  const skew = random();
  const local_ratio = round(
    skew < 0.1 ? between(random, 0, 0.2) : skew < 0.2 ? between(random, 0.8, 1) : between(random, 0.2, 0.8),
    3,
  );
  const fee_ppm = Math.round(random() < 0.1 ? between(random, 0, 50) : logBetween(random, 10, 2500));
  const base_fee_msat = random() < 0.6 ? 1000 : random() < 0.7 ? 0 : intBetween(random, 1001, 5000);
  // Some peers are hobbyist nodes that go offline; most are up nearly always.
  const peer_uptime = round(random() < 0.1 ? between(random, 0.3, 0.7) : between(random, 0.9, 1), 3);
  const idle = random() < 0.25 || peer_uptime < 0.7;
  const forwards_30d = idle ? intBetween(random, 0, 2) : Math.round(logBetween(random, 3, 1500));
  const failed_forwards_30d = Math.round(
    forwards_30d * between(random, 0, 0.3) + (random() < 0.05 ? intBetween(random, 20, 120) : 0),
  );
  return {
    id: `ch${index}`,
    metrics: {
      capacity_sat,
      local_ratio,
      fee_ppm,
      base_fee_msat,
      forwards_30d,
      failed_forwards_30d,
      peer_uptime,
      age_days: intBetween(random, 1, nodeAge),
    },
  };
}

function demoNode(random: Random): DemoNode {
  const count = intBetween(random, 2, 40);
  const nodeAge = intBetween(random, 30, 1500);
  const channels = Array.from({ length: count }, (_, i) => channel(random, i, nodeAge));
  let capacity = 0;
  let forwards = 0;
  let failed = 0;
  let revenue = 0;
  for (const { metrics } of channels) {
    capacity += metrics.capacity_sat;
    forwards += metrics.forwards_30d;
    failed += metrics.failed_forwards_30d;
    // Typical forwards are 10k–500k sat; revenue is their fee at this channel's rate.
    const meanAmount = between(random, 10_000, 500_000);
    revenue +=
      metrics.forwards_30d * (metrics.base_fee_msat / 1000 + (meanAmount * metrics.fee_ppm) / 1_000_000);
  }
  const uptime = round(random() < 0.15 ? between(random, 0.8, 0.95) : between(random, 0.95, 1), 3);
  return {
    pubkey: pubkeyOf(random),
    alias: `${ALIAS_WORDS[intBetween(random, 0, ALIAS_WORDS.length - 1)]}-${ALIAS_NOUNS[intBetween(random, 0, ALIAS_NOUNS.length - 1)]}`,
    metrics: {
      subject: {
        channels: count,
        capacity_sat: capacity,
        routing_revenue_sat_30d: Math.round(revenue),
        forward_success_rate: round(forwards + failed === 0 ? 1 : clamp01(forwards / (forwards + failed)), 4),
        uptime,
      },
      collections: { channel: channels },
    },
  };
}

/** `count` demo nodes, the same for the same seed: the pack's demo data and test fixtures. */
export function generateDemoNodes(seed: number, count: number): DemoNode[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => demoNode(random));
}
