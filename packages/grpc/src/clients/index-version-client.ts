import { protos, type RetrieveV1 } from '@ragfleet/protos';
import { GrpcClient, type CallSettings, type ClientSettings } from '../client.ts';

/**
 * Typed client for ragfleet.retrieve.v1.IndexVersionService, retrieve's operator API. It dials
 * the retrieve address; grpc-js shares one connection between clients of the same address.
 */
export class IndexVersionClient {
  readonly grpc: GrpcClient<RetrieveV1.IndexVersionServiceClient>;

  constructor(address: string, settings?: ClientSettings) {
    this.grpc = new GrpcClient(protos.retrieve().IndexVersionService, address, settings);
  }

  /** Not retried: a second attempt would start a second build. */
  build(
    request: RetrieveV1.BuildIndexVersionRequest,
    settings?: CallSettings,
  ): Promise<RetrieveV1.BuildIndexVersionResponse__Output> {
    return this.grpc.unary('BuildIndexVersion', request, { deadlineMs: 60_000, ...settings });
  }

  get(id: number, settings?: CallSettings): Promise<RetrieveV1.GetIndexVersionResponse__Output> {
    return this.grpc.unary('GetIndexVersion', { id }, { idempotent: true, ...settings });
  }

  list(settings?: CallSettings): Promise<RetrieveV1.ListIndexVersionsResponse__Output> {
    return this.grpc.unary('ListIndexVersions', {}, { idempotent: true, ...settings });
  }

  /** Evaluates the gate on the labeled queries, which can take a while on a large set. */
  activate(
    request: RetrieveV1.ActivateIndexVersionRequest,
    settings?: CallSettings,
  ): Promise<RetrieveV1.ActivateIndexVersionResponse__Output> {
    return this.grpc.unary('ActivateIndexVersion', request, { deadlineMs: 120_000, ...settings });
  }

  rollback(settings?: CallSettings): Promise<RetrieveV1.RollbackIndexVersionResponse__Output> {
    return this.grpc.unary('RollbackIndexVersion', {}, settings);
  }

  close(): void {
    this.grpc.close();
  }
}
