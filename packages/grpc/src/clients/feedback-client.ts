import { protos, type FeedbackV1 } from '@ragfleet/protos';
import { GrpcClient, type CallSettings, type ClientSettings } from '../client.ts';

/** Every call is one store round trip (no model call), so a short deadline. */
const STORE_CALL_DEADLINE_MS = 5_000;

const read = { idempotent: true, deadlineMs: STORE_CALL_DEADLINE_MS };
const write = { deadlineMs: STORE_CALL_DEADLINE_MS };

/**
 * Typed clients for the feedback service's three gRPC services (one port): subjects and their
 * metrics, recommendation lifecycle and answer feedback, weights versions. The tenant is the
 * caller's, from the request context; no method takes one.
 */
export class SubjectClient {
  readonly grpc: GrpcClient<FeedbackV1.SubjectServiceClient>;

  constructor(address: string, settings?: ClientSettings) {
    this.grpc = new GrpcClient(protos.feedback().SubjectService, address, settings);
  }

  /** Not retried without an id: a second attempt would create a second subject. */
  createSubject(request: FeedbackV1.CreateSubjectRequest, settings?: CallSettings) {
    return this.grpc.unary<FeedbackV1.CreateSubjectResponse__Output>('CreateSubject', request, {
      ...write,
      idempotent: Boolean(request.id),
      ...settings,
    });
  }

  getSubject(id: string, settings?: CallSettings) {
    return this.grpc.unary<FeedbackV1.GetSubjectResponse__Output>(
      'GetSubject',
      { id },
      { ...read, ...settings },
    );
  }

  listSubjects(request: FeedbackV1.ListSubjectsRequest = {}, settings?: CallSettings) {
    return this.grpc.unary<FeedbackV1.ListSubjectsResponse__Output>('ListSubjects', request, {
      ...read,
      ...settings,
    });
  }

  /** Idempotent: the same snapshot (subject and observed_at) stored twice is stored once. */
  putMetrics(request: FeedbackV1.PutMetricsRequest, settings?: CallSettings) {
    return this.grpc.unary<FeedbackV1.PutMetricsResponse__Output>('PutMetrics', request, {
      ...read,
      ...settings,
    });
  }

  close(): void {
    this.grpc.close();
  }
}

export class FeedbackClient {
  readonly grpc: GrpcClient<FeedbackV1.FeedbackServiceClient>;

  constructor(address: string, settings?: ClientSettings) {
    this.grpc = new GrpcClient(protos.feedback().FeedbackService, address, settings);
  }

  /** Idempotent by recommendation id. */
  recordGenerated(request: FeedbackV1.RecordGeneratedRequest, settings?: CallSettings) {
    return this.grpc.unary<FeedbackV1.RecordGeneratedResponse__Output>('RecordGenerated', request, {
      ...read,
      ...settings,
    });
  }

  getRecommendation(id: string, settings?: CallSettings) {
    return this.grpc.unary<FeedbackV1.GetRecommendationResponse__Output>(
      'GetRecommendation',
      { id },
      { ...read, ...settings },
    );
  }

  listRecommendations(request: FeedbackV1.ListRecommendationsRequest, settings?: CallSettings) {
    return this.grpc.unary<FeedbackV1.ListRecommendationsResponse__Output>('ListRecommendations', request, {
      ...read,
      ...settings,
    });
  }

  /** Idempotent: repeating the current stage is a no-op. */
  transition(request: FeedbackV1.TransitionRequest, settings?: CallSettings) {
    return this.grpc.unary<FeedbackV1.TransitionResponse__Output>('Transition', request, {
      ...read,
      ...settings,
    });
  }

  getStats(request: FeedbackV1.GetStatsRequest = {}, settings?: CallSettings) {
    return this.grpc.unary<FeedbackV1.GetStatsResponse__Output>('GetStats', request, {
      ...read,
      ...settings,
    });
  }

  /** Idempotent: a second rating by the same user replaces the first. */
  recordAnswerFeedback(request: FeedbackV1.RecordAnswerFeedbackRequest, settings?: CallSettings) {
    return this.grpc.unary<FeedbackV1.RecordAnswerFeedbackResponse__Output>('RecordAnswerFeedback', request, {
      ...read,
      ...settings,
    });
  }

  close(): void {
    this.grpc.close();
  }
}

export class WeightsClient {
  readonly grpc: GrpcClient<FeedbackV1.WeightsServiceClient>;

  constructor(address: string, settings?: ClientSettings) {
    this.grpc = new GrpcClient(protos.feedback().WeightsService, address, settings);
  }

  getActiveWeights(settings?: CallSettings) {
    return this.grpc.unary<FeedbackV1.GetActiveWeightsResponse__Output>(
      'GetActiveWeights',
      {},
      {
        ...read,
        ...settings,
      },
    );
  }

  listWeights(request: FeedbackV1.ListWeightsRequest = {}, settings?: CallSettings) {
    return this.grpc.unary<FeedbackV1.ListWeightsResponse__Output>('ListWeights', request, {
      ...read,
      ...settings,
    });
  }

  /** Not retried: each fit may publish a version. */
  fitWeights(settings?: CallSettings) {
    return this.grpc.unary<FeedbackV1.FitWeightsResponse__Output>(
      'FitWeights',
      {},
      { ...write, ...settings },
    );
  }

  rollbackWeights(version: string, settings?: CallSettings) {
    return this.grpc.unary<FeedbackV1.RollbackWeightsResponse__Output>(
      'RollbackWeights',
      { version },
      { ...write, ...settings },
    );
  }

  close(): void {
    this.grpc.close();
  }
}
