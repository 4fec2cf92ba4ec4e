import type { MetricSchema } from '../src/metric-schema.ts';
import type { SubjectMetrics } from '../src/subject-metrics.ts';

/**
 * How the scorer reads a Lightning node's state from its latest metrics: three numbers 0–1 (each
 * undefined when the snapshot holds nothing to compute it from, which the scorer treats as
 * neutral) and the node's worst signals in words, for grounding model suggestions.
 */
export interface LightningContext {
  /**
   * The mean of the parts present of: node uptime, forward success rate, and liquidity balance
   * (see liquidityBalance). A node that is often offline, fails forwards or has lopsided
   * channels is in poor health, and the scorer then weights risk more.
   */
  health?: number;
  /**
   * The surroundings rather than the node itself: the mean of the parts present of the peers'
   * reachability (capacity-weighted mean of channel.peer_uptime) and demand (share of channels
   * that forwarded anything in 30 days). Reachable peers and live demand make any change pay off
   * more surely.
   */
  networkConditions?: number;
  /** Metrics present over the metrics the schema defines, for the node and each channel. */
  metricCompleteness: number;
  /** The node's weakest signals, worst first, in plain words ("uptime 82 %"). */
  worstSignals: string[];
}

const mean = (values: number[]) =>
  values.length === 0 ? undefined : values.reduce((total, value) => total + value, 0) / values.length;
const finite = (value: number | undefined): value is number =>
  typeof value === 'number' && Number.isFinite(value);
const clamp01 = (value: number) => Math.min(1, Math.max(0, value));
const round3 = (value: number) => Math.round(value * 1000) / 1000;

interface Channel {
  capacity: number;
  localRatio?: number;
  peerUptime?: number;
  forwards?: number;
}

function channelsOf(metrics: SubjectMetrics): Channel[] {
  return (metrics.collections.channel ?? []).map(({ metrics: m }) => ({
    // A channel without a capacity still counts, with the weight of a small one.
    capacity: finite(m.capacity_sat) && m.capacity_sat > 0 ? m.capacity_sat : 1,
    localRatio: finite(m.local_ratio) ? clamp01(m.local_ratio) : undefined,
    peerUptime: finite(m.peer_uptime) ? clamp01(m.peer_uptime) : undefined,
    forwards: finite(m.forwards_30d) ? m.forwards_30d : undefined,
  }));
}

function weightedMean(channels: Channel[], valueOf: (channel: Channel) => number | undefined) {
  let sum = 0;
  let weight = 0;
  for (const channel of channels) {
    const value = valueOf(channel);
    if (value === undefined) continue;
    sum += value * channel.capacity;
    weight += channel.capacity;
  }
  return weight === 0 ? undefined : sum / weight;
}

/**
 * Capacity-weighted mean of 1 − |2 × local_ratio − 1| over the channels: 1 when every channel
 * holds half its capacity on each side (it can send and receive), 0 when every one is empty or
 * full on our side. Weighted by capacity because a lopsided large channel strands more liquidity.
 */
export function liquidityBalance(metrics: SubjectMetrics): number | undefined {
  return weightedMean(channelsOf(metrics), (c) =>
    c.localRatio === undefined ? undefined : 1 - Math.abs(2 * c.localRatio - 1),
  );
}

/**
 * Present metrics over expected ones: every metric of the schema's subject part, plus every
 * metric of its collection part for each item the snapshot lists. A node with no channels is
 * judged on its own metrics alone.
 */
export function metricCompleteness(schema: MetricSchema, metrics: SubjectMetrics): number {
  let expected = Object.keys(schema.subject).length;
  let present = Object.keys(schema.subject).filter((name) => finite(metrics.subject[name])).length;
  for (const [scope, names] of Object.entries(schema.collections)) {
    for (const item of metrics.collections[scope] ?? []) {
      expected += Object.keys(names).length;
      present += Object.keys(names).filter((name) => finite(item.metrics[name])).length;
    }
  }
  return expected === 0 ? 1 : round3(present / expected);
}

const percent = (value: number) => `${Math.round(value * 100)} %`;

/** The signals below what a well-run node shows, worst (furthest below its mark) first. */
function worstSignalsOf(metrics: SubjectMetrics, channels: Channel[], balance: number | undefined): string[] {
  const signals: Array<{ shortfall: number; words: string }> = [];
  const below = (value: number | undefined, mark: number, words: (v: number) => string) => {
    if (value !== undefined && value < mark)
      signals.push({ shortfall: (mark - value) / mark, words: words(value) });
  };
  const uptime = finite(metrics.subject.uptime) ? metrics.subject.uptime : undefined;
  const success = finite(metrics.subject.forward_success_rate)
    ? metrics.subject.forward_success_rate
    : undefined;
  below(uptime, 0.98, (v) => `low node uptime ${percent(v)}`);
  below(success, 0.9, (v) => `low forward success rate ${percent(v)}`);
  below(balance, 0.6, (v) => `unbalanced channel liquidity (balance ${percent(v)})`);
  const depleted = channels.filter((c) => c.localRatio !== undefined && c.localRatio < 0.2).length;
  const saturated = channels.filter((c) => c.localRatio !== undefined && c.localRatio > 0.8).length;
  const idle = channels.filter((c) => c.forwards !== undefined && c.forwards === 0).length;
  const offlinePeers = channels.filter((c) => c.peerUptime !== undefined && c.peerUptime < 0.8).length;
  const share = (count: number) => (channels.length === 0 ? 0 : count / channels.length);
  if (depleted > 0)
    signals.push({
      shortfall: share(depleted),
      words: `${depleted} depleted channels (local balance under 20 %)`,
    });
  if (saturated > 0)
    signals.push({
      shortfall: share(saturated),
      words: `${saturated} saturated channels (local balance over 80 %)`,
    });
  if (idle > 0)
    signals.push({ shortfall: share(idle), words: `${idle} idle channels with no forwards in 30 days` });
  if (offlinePeers > 0)
    signals.push({ shortfall: share(offlinePeers), words: `${offlinePeers} channels with unreliable peers` });
  return signals.sort((a, b) => b.shortfall - a.shortfall).map((signal) => signal.words);
}

/** The scorer's view of a Lightning node's latest snapshot (see LightningContext). */
export function lightningContext(schema: MetricSchema, metrics: SubjectMetrics): LightningContext {
  const channels = channelsOf(metrics);
  const balance = liquidityBalance(metrics);
  const healthParts = [metrics.subject.uptime, metrics.subject.forward_success_rate]
    .filter(finite)
    .map(clamp01);
  if (balance !== undefined) healthParts.push(balance);
  const peerReach = weightedMean(channels, (c) => c.peerUptime);
  const withForwards = channels.filter((c) => c.forwards !== undefined);
  const demand =
    withForwards.length === 0
      ? undefined
      : withForwards.filter((c) => (c.forwards ?? 0) > 0).length / withForwards.length;
  const networkParts = [peerReach, demand].filter((value) => value !== undefined);
  const health = mean(healthParts);
  const networkConditions = mean(networkParts);
  return {
    ...(health === undefined ? {} : { health: round3(health) }),
    ...(networkConditions === undefined ? {} : { networkConditions: round3(networkConditions) }),
    metricCompleteness: metricCompleteness(schema, metrics),
    worstSignals: worstSignalsOf(metrics, channels, balance),
  };
}
