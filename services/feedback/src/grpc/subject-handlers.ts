import type { CallContext, Handlers } from '@ragfleet/grpc';
import type { FeedbackV1 } from '@ragfleet/protos';
import type { Subjects } from '../domain/subjects.ts';
import { callerTenant, pageLimit } from './caller.ts';
import { fromSnapshot, toSnapshot, toSubject } from './messages.ts';

/** SubjectService: each RPC one domain call in the caller's tenant. */
export function subjectHandlers(subjects: Subjects): Handlers {
  return {
    CreateSubject: async (
      request: FeedbackV1.CreateSubjectRequest__Output,
      context: CallContext,
    ): Promise<FeedbackV1.CreateSubjectResponse> => ({
      subject: toSubject(
        await subjects.create(callerTenant(context), {
          id: request.id,
          pack: request.pack,
          name: request.name,
          labels: request.labels,
        }),
      ),
    }),

    GetSubject: async (
      request: FeedbackV1.GetSubjectRequest__Output,
      context: CallContext,
    ): Promise<FeedbackV1.GetSubjectResponse> => {
      const { subject, latest } = await subjects.get(callerTenant(context), request.id);
      return { subject: toSubject(subject), ...(latest ? { latest: toSnapshot(latest) } : {}) };
    },

    ListSubjects: async (
      request: FeedbackV1.ListSubjectsRequest__Output,
      context: CallContext,
    ): Promise<FeedbackV1.ListSubjectsResponse> => ({
      subjects: (await subjects.list(callerTenant(context), pageLimit(request.limit))).map(toSubject),
    }),

    PutMetrics: async (
      request: FeedbackV1.PutMetricsRequest__Output,
      context: CallContext,
    ): Promise<FeedbackV1.PutMetricsResponse> => ({
      subject: toSubject(
        await subjects.putMetrics(callerTenant(context), request.subjectId, fromSnapshot(request.snapshot)),
      ),
    }),
  };
}
