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

  close(): void {
    this.grpc.close();
  }
}
