import { AsyncLocalStorage } from 'node:async_hooks';

/** Who is asking and under which id: set where a request enters a process, read by logs and clients. */
export interface RequestContext {
  requestId: string;
  tenant: string;
  /** The authenticated caller inside the tenant (API key owner or JWT subject), when known. */
  user?: string;
  /** The caller's service tier (free, standard, premium), when known. */
  tier?: string;
  /** The API key the gateway admitted the caller with (key budgets are charged to it); none for a JWT or anonymous caller. */
  keyId?: string | undefined;
  /** Absolute deadline (ms since epoch) inherited from the caller, if any. */
  deadline?: number;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}
