import { protos, type RouterV1 } from '@ragfleet/protos';
import { GrpcClient, type CallSettings, type ClientSettings } from '../client.ts';

/** Typed client for ragfleet.router.v1.RouterService. */
export class RouterClient {
  readonly grpc: GrpcClient<RouterV1.RouterServiceClient>;

  constructor(address: string, settings?: ClientSettings) {
    this.grpc = new GrpcClient(protos.router().RouterService, address, settings);
  }

  route(request: RouterV1.RouteRequest, settings?: CallSettings): Promise<RouterV1.RouteResponse__Output> {
    return this.grpc.unary('Route', request, { idempotent: true, deadlineMs: 2_000, ...settings });
  }

  listModels(settings?: CallSettings): Promise<RouterV1.ListModelsResponse__Output> {
    return this.grpc.unary('ListModels', {}, { idempotent: true, ...settings });
  }

  /** The calling tenant's spend from the router's ledger (the tenant comes from the call's context). */
  getUsage(
    request: RouterV1.GetUsageRequest,
    settings?: CallSettings,
  ): Promise<RouterV1.GetUsageResponse__Output> {
    return this.grpc.unary('GetUsage', request, { idempotent: true, deadlineMs: 10_000, ...settings });
  }

  /**
   * Holds a generation's estimated cost against the caller's budgets (tenant, key and user come
   * from the call's context), or BUDGET_EXCEEDED. Retrying with the same generation id holds
   * nothing more, so the call is safe to retry.
   */
  reserve(
    request: RouterV1.ReserveRequest,
    settings?: CallSettings,
  ): Promise<RouterV1.ReserveResponse__Output> {
    return this.grpc.unary('Reserve', request, { idempotent: true, deadlineMs: 2_000, ...settings });
  }

  /** Replaces a reservation with the cost of the tokens used; settling twice changes nothing. */
  settle(request: RouterV1.SettleRequest, settings?: CallSettings): Promise<RouterV1.SettleResponse__Output> {
    return this.grpc.unary('Settle', request, { idempotent: true, deadlineMs: 2_000, ...settings });
  }

  /** Operators: creates or replaces the limit of one scope and period. */
  setBudget(
    request: RouterV1.SetBudgetRequest,
    settings?: CallSettings,
  ): Promise<RouterV1.SetBudgetResponse__Output> {
    return this.grpc.unary('SetBudget', request, { idempotent: true, ...settings });
  }

  /** Operators: every budget of one tenant (its own, its keys' and users'), with this period's spend. */
  listBudgets(
    request: RouterV1.ListBudgetsRequest,
    settings?: CallSettings,
  ): Promise<RouterV1.ListBudgetsResponse__Output> {
    return this.grpc.unary('ListBudgets', request, { idempotent: true, ...settings });
  }

  /** Operators: removes one limit; the spend already counted stays counted. */
  deleteBudget(
    request: RouterV1.DeleteBudgetRequest,
    settings?: CallSettings,
  ): Promise<RouterV1.DeleteBudgetResponse__Output> {
    return this.grpc.unary('DeleteBudget', request, { idempotent: true, ...settings });
  }

  close(): void {
    this.grpc.close();
  }
}
