import type { CallContext } from '@ragfleet/grpc';
import type { RouterV1 } from '@ragfleet/protos';
import { usageQueryOf } from './usage-request.ts';
import type { UsageLedger } from './usage-ledger.ts';

/** Float sums drift in the last bits; spend is reported to a millionth of a cent. */
const roundUsd = (value: number) => Math.round(value * 1e8) / 1e8;

/**
 * RouterService.GetUsage: the spend of the caller's tenant (the call's context decides it, never
 * the request), grouped by model, user, key or day, with the totals over every group.
 */
export function getUsageHandler(ledger: UsageLedger, now: () => Date = () => new Date()) {
  return async (
    request: RouterV1.GetUsageRequest__Output,
    context: CallContext,
  ): Promise<RouterV1.GetUsageResponse> => {
    const query = usageQueryOf(request, context.tenant, now());
    const groups = await ledger.query(query);
    let total = 0;
    let generations = 0;
    for (const group of groups) {
      total += group.costUsd;
      generations += group.generations;
    }
    return {
      groups: groups.map((group) => ({ ...group, costUsd: roundUsd(group.costUsd) })),
      totalCostUsd: roundUsd(total),
      generations,
    };
  };
}
