import { protos, type GenerateV1 } from '@ragfleet/protos';
import { GrpcClient, type CallSettings, type ClientSettings } from '../client.ts';

/** Typed client for ragfleet.generate.v1.GenerateService. */
export class GenerateClient {
  readonly grpc: GrpcClient<GenerateV1.GenerateServiceClient>;

  constructor(address: string, settings?: ClientSettings) {
    this.grpc = new GrpcClient(protos.generate().GenerateService, address, settings);
  }

  /** The answer as a stream of events; abort the signal (or stop iterating) to cancel upstream. */
  answer(
    request: GenerateV1.AnswerRequest,
    settings?: CallSettings,
  ): AsyncGenerator<GenerateV1.AnswerResponse__Output> {
    return this.grpc.stream('Answer', request, settings);
  }

  /** One summary of older conversation messages; a model call, so the caller's deadline applies. */
  summarize(
    request: GenerateV1.SummarizeRequest,
    settings?: CallSettings,
  ): Promise<GenerateV1.SummarizeResponse__Output> {
    return this.grpc.unary('Summarize', request, settings);
  }

  /**
   * Recommendation candidates as the model wrote them (meant to be a JSON array: the caller
   * validates it), grounded in passages retrieved for search_query; a model call, so the
   * caller's deadline applies.
   */
  suggest(
    request: GenerateV1.SuggestRequest,
    settings?: CallSettings,
  ): Promise<GenerateV1.SuggestResponse__Output> {
    return this.grpc.unary('Suggest', request, settings);
  }

  close(): void {
    this.grpc.close();
  }
}
