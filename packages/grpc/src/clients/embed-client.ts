import { protos, type EmbedV1 } from '@ragfleet/protos';
import { GrpcClient, type CallSettings, type ClientSettings } from '../client.ts';

/** Typed client for ragfleet.embed.v1.EmbedService. */
export class EmbedClient {
  readonly grpc: GrpcClient<EmbedV1.EmbedServiceClient>;

  constructor(address: string, settings?: ClientSettings) {
    this.grpc = new GrpcClient(protos.embed().EmbedService, address, settings);
  }

  /** Embedding is a pure function of its input, so it is safe to retry. */
  embed(request: EmbedV1.EmbedRequest, settings?: CallSettings): Promise<EmbedV1.EmbedResponse__Output> {
    return this.grpc.unary('Embed', request, { idempotent: true, deadlineMs: 60_000, ...settings });
  }

  listModels(settings?: CallSettings): Promise<EmbedV1.ListModelsResponse__Output> {
    return this.grpc.unary('ListModels', {}, { idempotent: true, ...settings });
  }

  close(): void {
    this.grpc.close();
  }
}
