import { setTimeout as sleep } from 'node:timers/promises';
import { toRagfleetError } from '@ragfleet/errors';
import type { RouterV1 } from '@ragfleet/protos';
import type { Logger } from '@ragfleet/telemetry';
import type { BudgetUpstream } from '../routes/admin-budgets.ts';
import type { ApiKeyRecord } from './key-record.ts';

/** The router's SetBudget calls that the key file's `budget:` entries stand for. */
export function keyFileBudgets(records: readonly ApiKeyRecord[]): RouterV1.SetBudgetRequest[] {
  return records.flatMap((record) => {
    const scope = { tenant: record.tenant, kind: 'key', id: record.id };
    const { dayUsd, monthUsd } = record.budget ?? {};
    return [
      ...(dayUsd !== undefined ? [{ scope, period: 'day', limitUsd: dayUsd }] : []),
      ...(monthUsd !== undefined ? [{ scope, period: 'month', limitUsd: monthUsd }] : []),
    ];
  });
}

export interface ApplyKeyFileBudgetsOptions {
  router: Pick<BudgetUpstream, 'setBudget'>;
  logger: Logger;
  /** Stops the retries (shutdown). */
  signal: AbortSignal;
  /** First wait between rounds; doubles up to maxRetryMs. */
  retryMs?: number;
  maxRetryMs?: number;
}

const describe = (request: RouterV1.SetBudgetRequest) =>
  `${request.period} budget of key ${request.scope?.id} (tenant ${request.scope?.tenant})`;

/**
 * Sets the key file's budgets in the router, in the background: the gateway serves at once, and
 * while the router does not answer (not started yet, restarting) the remaining budgets are tried
 * again, backing off, until it does. One warning when the router first fails to answer, one line
 * when every budget is set; a budget the router refuses as invalid is logged and not retried.
 * Resolves with the number of budgets set (also when stopped by the signal).
 */
export async function applyKeyFileBudgets(
  requests: readonly RouterV1.SetBudgetRequest[],
  options: ApplyKeyFileBudgetsOptions,
): Promise<number> {
  const { router, logger, signal } = options;
  const maxRetryMs = options.maxRetryMs ?? 30_000;
  let waitMs = options.retryMs ?? 1_000;
  let pending = [...requests];
  let set = 0;
  let warned = false;
  while (pending.length > 0 && !signal.aborted) {
    const failed: RouterV1.SetBudgetRequest[] = [];
    for (const request of pending) {
      try {
        await router.setBudget(request, { signal });
        set++;
      } catch (caught) {
        if (signal.aborted) return set;
        const error = toRagfleetError(caught);
        if (error.code === 'INVALID_ARGUMENT') {
          logger.error({ err: error.message }, `the router refused the key file's ${describe(request)}`);
          continue;
        }
        if (!warned) {
          logger.warn(
            { err: error.message, code: error.code, budgets: pending.length },
            "the router does not answer: the key file's budgets are not set yet; retrying in the background",
          );
          warned = true;
        }
        failed.push(request);
      }
    }
    pending = failed;
    if (pending.length === 0) break;
    try {
      await sleep(waitMs, undefined, { signal });
    } catch {
      return set;
    }
    waitMs = Math.min(waitMs * 2, maxRetryMs);
  }
  if (requests.length > 0 && !signal.aborted)
    logger.info({ budgets: set }, "the key file's budgets are set in the router");
  return set;
}
