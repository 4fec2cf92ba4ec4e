import { RagfleetError } from '@ragfleet/errors';
import { GrpcServer, type CallContext } from '@ragfleet/grpc';
import { protos, type FeedbackV1 } from '@ragfleet/protos';
import { createLogger, createMetricsRegistry } from '@ragfleet/telemetry';

/** One thing that happened, in order, shared with the test (which adds what it received). */
export type TimelineEntry = { what: string; ids: string[] };

export interface FakeFeedback {
  address: string;
  /** Subjects by tenant, then id; the test puts them here directly. */
  readonly subjects: Map<string, Map<string, FeedbackV1.GetSubjectResponse>>;
  readonly recorded: Array<{ tenant: string; recommendations: FeedbackV1.Recommendation__Output[] }>;
  readonly timeline: TimelineEntry[];
  /** What GetActiveWeights answers; undefined: it fails with SERVICE_UNAVAILABLE (feedback down). */
  active: FeedbackV1.WeightsVersion | undefined;
  weightsReads: number;
  close(): Promise<void>;
}

const unimplemented = async () => {
  throw new RagfleetError('ROUTE_NOT_FOUND', 'not in the fake feedback');
};

/**
 * A feedback service on a free loopback port speaking the three real services: GetSubject from
 * a map per tenant (NOT_FOUND otherwise, as feedback answers), RecordGenerated recording what it
 * got and when, GetActiveWeights answering the version the test sets. The scorer reaches it
 * through its real clients.
 */
export async function startFakeFeedback(): Promise<FakeFeedback> {
  const server = new GrpcServer({
    service: 'feedback',
    logger: createLogger('fake-feedback', 'silent'),
    registry: createMetricsRegistry('fake_feedback'),
  });
  const fake = {
    subjects: new Map<string, Map<string, FeedbackV1.GetSubjectResponse>>(),
    recorded: [] as FakeFeedback['recorded'],
    timeline: [] as TimelineEntry[],
    active: undefined as FeedbackV1.WeightsVersion | undefined,
    weightsReads: 0,
  };
  const feedback = protos.feedback();
  server.addService('ragfleet.feedback.v1.SubjectService', feedback.SubjectService.service, {
    GetSubject: async (request: FeedbackV1.GetSubjectRequest__Output, context: CallContext) => {
      const found = fake.subjects.get(context.tenant)?.get(request.id);
      if (!found)
        throw new RagfleetError('NOT_FOUND', `No subject ${request.id}`, { details: { id: request.id } });
      return found;
    },
    CreateSubject: unimplemented,
    ListSubjects: unimplemented,
    PutMetrics: unimplemented,
  });
  server.addService('ragfleet.feedback.v1.FeedbackService', feedback.FeedbackService.service, {
    RecordGenerated: async (request: FeedbackV1.RecordGeneratedRequest__Output, context: CallContext) => {
      fake.recorded.push({ tenant: context.tenant, recommendations: request.recommendations });
      fake.timeline.push({ what: 'recorded', ids: request.recommendations.map((r) => r.id) });
      return { recorded: request.recommendations.length };
    },
    GetRecommendation: unimplemented,
    ListRecommendations: unimplemented,
    Transition: unimplemented,
    GetStats: unimplemented,
    RecordAnswerFeedback: unimplemented,
  });
  server.addService('ragfleet.feedback.v1.WeightsService', feedback.WeightsService.service, {
    GetActiveWeights: async () => {
      fake.weightsReads += 1;
      if (!fake.active) throw new RagfleetError('SERVICE_UNAVAILABLE', 'feedback store not ready');
      return { weights: fake.active };
    },
    ListWeights: unimplemented,
    FitWeights: unimplemented,
    RollbackWeights: unimplemented,
  });
  const port = await server.listen(0);
  server.setServing(true);
  return Object.assign(fake, { address: `127.0.0.1:${port}`, close: () => server.close(100) });
}
