import { RagfleetError } from '@ragfleet/errors';
import { GrpcServer, type CallContext, type Handlers } from '@ragfleet/grpc';
import { protos, type RouterV1 } from '@ragfleet/protos';
import { createLogger, createMetricsRegistry } from '@ragfleet/telemetry';

type Scope = RouterV1.BudgetScope__Output;

/** The next UTC midnight or first of the month, as the router reports reset_at. */
function resetAt(period: string, now = new Date()): string {
  const next =
    period === 'month'
      ? Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)
      : Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  return new Date(next).toISOString();
}

const keyOf = (scope: Scope | null, period: string) =>
  `${scope?.tenant}|${scope?.kind}|${scope?.id}|${period}`;

/**
 * A RouterService over real gRPC whose budget RPCs keep limits in a map (spend is whatever a test
 * puts in `spent`), recording every call; the other RPCs are not part of the gateway's budget
 * routes and refuse. `failNext` makes the next budget call fail with that error.
 */
export class FakeRouter {
  readonly calls: Array<{
    method: string;
    request: unknown;
    context: Pick<CallContext, 'tenant' | 'keyId'>;
  }> = [];
  readonly limits = new Map<string, { scope: Scope; period: string; limitUsd: number }>();
  readonly spent = new Map<string, number>();
  failNext: RagfleetError | undefined;
  #server: GrpcServer | undefined;

  /** Listens on `port` (default: any free one) and answers its address. */
  async start(port = 0): Promise<string> {
    const server = new GrpcServer({
      service: 'router',
      logger: createLogger('router', 'silent'),
      registry: createMetricsRegistry('router'),
    });
    const handlers: Handlers = {};
    for (const method of Object.keys(protos.router().RouterService.service)) {
      handlers[method] = async () => {
        throw new RagfleetError('INTERNAL', `${method} is not faked`);
      };
    }
    handlers.SetBudget = async (request: RouterV1.SetBudgetRequest__Output, context: CallContext) => {
      this.#see('SetBudget', request, context);
      const entry = { scope: request.scope as Scope, period: request.period, limitUsd: request.limitUsd };
      this.limits.set(keyOf(entry.scope, entry.period), entry);
      return { budget: this.#status(entry) };
    };
    handlers.ListBudgets = async (request: RouterV1.ListBudgetsRequest__Output, context: CallContext) => {
      this.#see('ListBudgets', request, context);
      const budgets = [...this.limits.values()].filter((entry) => entry.scope.tenant === request.tenant);
      return { budgets: budgets.map((entry) => this.#status(entry)) };
    };
    handlers.DeleteBudget = async (request: RouterV1.DeleteBudgetRequest__Output, context: CallContext) => {
      this.#see('DeleteBudget', request, context);
      return { deleted: this.limits.delete(keyOf(request.scope, request.period)) };
    };
    server.addService('ragfleet.router.v1.RouterService', protos.router().RouterService.service, handlers);
    const bound = await server.listen(port, '127.0.0.1');
    server.setServing(true);
    this.#server = server;
    return `127.0.0.1:${bound}`;
  }

  async stop(): Promise<void> {
    await this.#server?.close(0);
  }

  #see(method: string, request: unknown, context: CallContext): void {
    this.calls.push({ method, request, context: { tenant: context.tenant, keyId: context.keyId } });
    const failure = this.failNext;
    this.failNext = undefined;
    if (failure) throw failure;
  }

  #status(entry: { scope: Scope; period: string; limitUsd: number }): RouterV1.BudgetStatus {
    const spent = this.spent.get(keyOf(entry.scope, entry.period)) ?? 0;
    return {
      scope: entry.scope,
      period: entry.period,
      limitUsd: entry.limitUsd,
      spentUsd: spent,
      reservedUsd: 0,
      remainingUsd: Math.max(0, entry.limitUsd - spent),
      resetAt: resetAt(entry.period),
    };
  }
}
