import type { CallContext } from '@ragfleet/grpc';
import type { BudgetCaller } from '../domain/ports.ts';

/*
 * The API key's id reaches the router once the gateway sends it (CallContext.keyId, being added to
 * @ragfleet/grpc); until then it is absent and only tenant and user budgets apply. Read through a
 * wider type so this compiles with and without the field.
 */
type WithKey = CallContext & { keyId?: string };

/** Whose budgets a call is charged to: always from the caller's identity, never from the request. */
export function budgetCaller(context: CallContext): BudgetCaller {
  const { keyId } = context as WithKey;
  return {
    tenant: context.tenant,
    ...(context.user ? { user: context.user } : {}),
    ...(keyId ? { key: keyId } : {}),
  };
}
