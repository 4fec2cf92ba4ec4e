import { invalidField } from '@ragfleet/errors';
import type { CallContext, Handlers } from '@ragfleet/grpc';
import type { FeedbackV1 } from '@ragfleet/protos';
import type { AnswerFeedbackBook } from '../domain/answer-feedback.ts';
import type { FeedbackStore } from '../domain/feedback-store.ts';
import type { Recommendations } from '../domain/recommendations.ts';
import { computeStats } from '../domain/stats.ts';
import { callerActor, callerTenant, pageLimit } from './caller.ts';
import { fromProtoStage, fromRecommendation, toCategoryStats, toRecord } from './messages.ts';

const DEFAULT_TOP = 5;
const MAX_TOP = 100;

/** FeedbackService: the lifecycle, the stats and answer feedback, in the caller's tenant. */
export function feedbackHandlers(deps: {
  recommendations: Recommendations;
  answers: AnswerFeedbackBook;
  store: FeedbackStore;
}): Handlers {
  const { recommendations, answers, store } = deps;
  return {
    RecordGenerated: async (
      request: FeedbackV1.RecordGeneratedRequest__Output,
      context: CallContext,
    ): Promise<FeedbackV1.RecordGeneratedResponse> => ({
      recorded: await recommendations.recordGenerated(
        callerTenant(context),
        request.recommendations.map(fromRecommendation),
        callerActor(context),
      ),
    }),

    GetRecommendation: async (
      request: FeedbackV1.GetRecommendationRequest__Output,
      context: CallContext,
    ): Promise<FeedbackV1.GetRecommendationResponse> => ({
      record: toRecord(await recommendations.get(callerTenant(context), request.id)),
    }),

    ListRecommendations: async (
      request: FeedbackV1.ListRecommendationsRequest__Output,
      context: CallContext,
    ): Promise<FeedbackV1.ListRecommendationsResponse> => {
      const stage = fromProtoStage(request.stage);
      const records = await recommendations.list(callerTenant(context), {
        limit: pageLimit(request.limit),
        ...(request.subjectId ? { subjectId: request.subjectId } : {}),
        ...(stage ? { stage } : {}),
      });
      return { records: records.map(toRecord) };
    },

    Transition: async (
      request: FeedbackV1.TransitionRequest__Output,
      context: CallContext,
    ): Promise<FeedbackV1.TransitionResponse> => {
      const to = fromProtoStage(request.to);
      if (!to || to === 'generated') {
        throw invalidField('to', 'must be STAGE_SHOWN, STAGE_APPLIED or STAGE_DISMISSED');
      }
      const record = await recommendations.transition(
        callerTenant(context),
        request.id,
        to,
        callerActor(context),
        request.note,
      );
      return { record: toRecord(record) };
    },

    GetStats: async (
      request: FeedbackV1.GetStatsRequest__Output,
      context: CallContext,
    ): Promise<FeedbackV1.GetStatsResponse> => {
      const tenant = callerTenant(context);
      const stats = computeStats(
        await store.allRecommendations(tenant),
        Math.min(request.top || DEFAULT_TOP, MAX_TOP),
      );
      const counts = await store.answerFeedbackCounts(tenant);
      return {
        categories: stats.categories.map(toCategoryStats),
        overall: toCategoryStats(stats.overall),
        topEffective: stats.topEffective.map(toRecord),
        answerFeedbackUp: counts.up,
        answerFeedbackDown: counts.down,
      };
    },

    RecordAnswerFeedback: async (
      request: FeedbackV1.RecordAnswerFeedbackRequest__Output,
      context: CallContext,
    ): Promise<FeedbackV1.RecordAnswerFeedbackResponse> => {
      const rating =
        request.rating === 'RATING_UP' ? 'up' : request.rating === 'RATING_DOWN' ? 'down' : undefined;
      const { feedback, replaced } = await answers.record(callerTenant(context), context.user, {
        answerId: request.answerId,
        rating,
        comment: request.comment,
        kind: request.kind,
        sessionId: request.sessionId,
      });
      return { id: feedback.id, recordedAt: feedback.recordedAt, replaced };
    },
  };
}
