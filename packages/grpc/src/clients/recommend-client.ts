import { protos, type RecommendV1 } from '@ragfleet/protos';
import { GrpcClient, type CallSettings, type ClientSettings } from '../client.ts';

/** Scoring is arithmetic over a batch plus at most one subject read. */
const SCORE_DEADLINE_MS = 5_000;

/** Typed client for ragfleet.recommend.v1.RecommendService (the recommendation-scorer). */
export class RecommendClient {
  readonly grpc: GrpcClient<RecommendV1.RecommendServiceClient>;

  constructor(address: string, settings?: ClientSettings) {
    this.grpc = new GrpcClient(protos.recommend().RecommendService, address, settings);
  }

  /** Idempotent: scoring changes nothing. */
  score(request: RecommendV1.ScoreRequest, settings?: CallSettings) {
    return this.grpc.unary<RecommendV1.ScoreResponse__Output>('Score', request, {
      idempotent: true,
      deadlineMs: SCORE_DEADLINE_MS,
      ...settings,
    });
  }

  /** The pipeline's events, in order: status, subject_info, rule_recommendations, ai_recommendations, complete. */
  recommend(
    request: RecommendV1.RecommendRequest,
    settings?: CallSettings,
  ): AsyncGenerator<RecommendV1.RecommendResponse__Output> {
    return this.grpc.stream<RecommendV1.RecommendResponse__Output>('Recommend', request, settings);
  }

  getScorerState(settings?: CallSettings) {
    return this.grpc.unary<RecommendV1.GetScorerStateResponse__Output>(
      'GetScorerState',
      {},
      {
        idempotent: true,
        deadlineMs: SCORE_DEADLINE_MS,
        ...settings,
      },
    );
  }

  close(): void {
    this.grpc.close();
  }
}
