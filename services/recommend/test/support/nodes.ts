import type { FeedbackV1 } from '@ragfleet/protos';
import type { SubjectMetrics } from '@ragfleet/packs';
import { healthyChannel, healthyNode } from '../../src/domain/rules/test-fixtures.ts';

/**
 * A node with known problems: ch-drained (10 % local, 80 forwards, 300 ppm) fires both
 * rebalance-depleted-active and raise-fee-drained-by-outbound (two actions on one channel),
 * ch-full (90 % local, 30 forwards) fires rebalance-saturated-active, uptime 0.9 fires
 * improve-node-uptime; the other channels are healthy.
 */
export function troubledNode(): SubjectMetrics {
  return healthyNode({ uptime: 0.9 }, [
    healthyChannel('ch-drained', { local_ratio: 0.1, forwards_30d: 80, fee_ppm: 300 }),
    healthyChannel('ch-full', { local_ratio: 0.9, forwards_30d: 30 }),
    ...Array.from({ length: 8 }, (_, i) => healthyChannel(`ch${i}`)),
  ]);
}

export function subjectResponse(
  id: string,
  metrics: SubjectMetrics | undefined,
  pack = 'lightning',
): FeedbackV1.GetSubjectResponse {
  return {
    subject: {
      id,
      pack,
      name: `node ${id}`,
      labels: { region: 'eu' },
      createdAt: '2026-11-01T00:00:00.000Z',
      metricsObservedAt: metrics ? '2026-11-30T00:00:00.000Z' : '',
      snapshotCount: metrics ? 1 : 0,
    },
    ...(metrics
      ? {
          latest: {
            observedAt: '2026-11-30T00:00:00.000Z',
            metrics: metrics.subject,
            collections: Object.entries(metrics.collections).map(([scope, items]) => ({ scope, items })),
          },
        }
      : {}),
  };
}

export function weightsVersion(
  version: string,
  factors: Record<string, number>,
  createdAt: string,
): FeedbackV1.WeightsVersion {
  return {
    version,
    factors: Object.entries(factors).map(([name, weight]) => ({ name, weight })),
    createdAt,
    origin: 'fit',
    active: true,
  };
}
