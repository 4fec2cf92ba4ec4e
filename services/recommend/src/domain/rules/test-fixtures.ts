import type { CollectionItem, SubjectMetrics } from '@ragfleet/packs';

/** A channel no Lightning rule should flag: balanced, busy, fairly priced, a reliable peer. */
export function healthyChannel(id: string, overrides: Record<string, number> = {}): CollectionItem {
  return {
    id,
    metrics: {
      capacity_sat: 5_000_000,
      local_ratio: 0.5,
      fee_ppm: 200,
      base_fee_msat: 1000,
      forwards_30d: 40,
      failed_forwards_30d: 2,
      peer_uptime: 0.99,
      age_days: 400,
      ...overrides,
    },
  };
}

/** A node no Lightning rule should flag, with `channels` replacing its healthy ones when given. */
export function healthyNode(
  overrides: Record<string, number> = {},
  channels?: CollectionItem[],
): SubjectMetrics {
  const list = channels ?? Array.from({ length: 10 }, (_, i) => healthyChannel(`ch${i}`));
  return {
    subject: {
      channels: 10,
      capacity_sat: 50_000_000,
      routing_revenue_sat_30d: 20_000,
      forward_success_rate: 0.95,
      uptime: 0.99,
      ...overrides,
    },
    collections: { channel: list },
  };
}
