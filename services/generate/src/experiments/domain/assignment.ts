import { createHash } from 'node:crypto';
import type { VariantSpec } from './records.ts';

/** Who is asking: a user when the gateway names one, else the tenant and the request. */
export interface Caller {
  tenant: string;
  user?: string | undefined;
  requestId: string;
}

/**
 * A caller's point in [0, 1) for one experiment or rollout: a hash of its id and the user, so one
 * user always lands on the same point (sticky), and different experiments split users
 * independently. Without a user the request is the unit (nothing to stay sticky to).
 */
export function assignmentPoint(changeId: string, caller: Caller): number {
  const unit = caller.user ? `user:${caller.user}` : `tenant:${caller.tenant}:request:${caller.requestId}`;
  const digest = createHash('sha256').update(changeId).update('\0').update(unit).digest();
  return digest.readUIntBE(0, 6) / 2 ** 48;
}

/** The variant a point falls in, the weights laid end to end over [0, 1). */
export function variantAt(variants: readonly VariantSpec[], point: number): VariantSpec {
  const total = variants.reduce((sum, variant) => sum + variant.weight, 0);
  let edge = 0;
  for (const variant of variants) {
    edge += variant.weight / total;
    if (point < edge) return variant;
  }
  return variants[variants.length - 1] as VariantSpec;
}

/**
 * Whether a rollout at `share` gives this point the candidate. A user in at 10 % stays in at 50 %
 * (the same point under a larger share), so a growing rollout never flips anyone back.
 */
export const inRolloutShare = (point: number, share: number) => point < share;
