import { budgetExceededError, type BudgetExceeded } from '@ragfleet/budgets';
import { RagfleetError } from '@ragfleet/errors';

/**
 * BUDGET_EXCEEDED as router.proto states its details: snake_case like every wire field
 * (scope, period, limit_usd, spent_usd, reserved_usd, reset_at in RFC 3339), the message and
 * code from the package's budgetExceededError.
 */
export function reserveRefused(exceeded: BudgetExceeded): RagfleetError {
  const error = budgetExceededError(exceeded);
  return new RagfleetError('BUDGET_EXCEEDED', error.message, {
    details: {
      scope: exceeded.scope,
      period: exceeded.period,
      limit_usd: exceeded.limitUsd,
      spent_usd: exceeded.spentUsd,
      reserved_usd: exceeded.reservedUsd,
      reset_at: new Date(exceeded.resetAt).toISOString(),
    },
  });
}
