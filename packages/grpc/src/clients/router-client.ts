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

  close(): void {
    this.grpc.close();
  }
}
