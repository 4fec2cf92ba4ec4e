import type { CallContext } from '@ragfleet/grpc';
import type { BudgetCaller } from '../domain/ports.ts';

/**
 * Whose budgets a call is charged to: always from the caller's identity, never from the request.
 * The key id is there when the caller came with an API key (the gateway sends it, generate passes
 * it on); a JWT or anonymous caller has none, and only tenant and user budgets apply.
 */
export function budgetCaller(context: CallContext): BudgetCaller {
  return {
    tenant: context.tenant,
    ...(context.user ? { user: context.user } : {}),
    ...(context.keyId ? { key: context.keyId } : {}),
  };
}
