import { RagfleetError, invalidField } from '@ragfleet/errors';
import type { BudgetExceeded } from './budget-store.ts';

/** The error a service answers with when a reserve was refused: BUDGET_EXCEEDED with the figures. */
export function budgetExceededError(exceeded: BudgetExceeded): RagfleetError {
  const { scope, period } = exceeded;
  const who = scope.kind === 'tenant' ? `tenant ${scope.tenant}` : `${scope.kind} ${scope.id}`;
  return new RagfleetError('BUDGET_EXCEEDED', `The ${period} budget of ${who} is spent`, {
    details: {
      scope,
      period,
      limitUsd: exceeded.limitUsd,
      spentUsd: exceeded.spentUsd,
      reservedUsd: exceeded.reservedUsd,
      resetAt: new Date(exceeded.resetAt).toISOString(),
    },
  });
}

export function reservationNotFound(id: string): RagfleetError {
  return new RagfleetError(
    'NOT_FOUND',
    `No reservation ${id} (never reserved, or forgotten after its retention)`,
    {
      details: { id },
    },
  );
}

/** A reserve retried with the same id must be the same reservation; another one is a caller's bug. */
export function reservationIdReused(): RagfleetError {
  return invalidField('id', 'already reserved with another amount or scopes');
}
