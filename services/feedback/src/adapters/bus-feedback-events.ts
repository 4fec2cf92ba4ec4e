import { createEvent, fleetTopology, type EventBus } from '@ragfleet/events';
import type { FeedbackEvents } from '../domain/feedback-events.ts';
import type { AnswerFeedback, RecommendationRecord, StageChange, WeightsVersion } from '../domain/records.ts';
import { toOutcome, toProtoStage, toWeightsVersion } from '../grpc/messages.ts';

interface Logger {
  warn(object: object, message?: string): void;
}

/** Weights are the fleet's: their events carry this tenant. */
export const FLEET_TENANT = '*';

/**
 * FeedbackEvents on the events stream (JetStream, or in-process without NATS_URL). Event ids are
 * stable per change, so a retried publish is stored once. A failed publish is logged and counted,
 * never thrown: the change is already stored and the caller's call succeeded.
 */
export class BusFeedbackEvents implements FeedbackEvents {
  readonly #subjects: ReturnType<typeof fleetTopology>['subjects'];

  private readonly bus: EventBus;
  private readonly logger: Logger;
  private readonly onPublishFailed: (type: string) => void;

  constructor(
    bus: EventBus,
    namespace: string,
    logger: Logger,
    onPublishFailed: (type: string) => void = () => undefined,
  ) {
    this.bus = bus;
    this.logger = logger;
    this.onPublishFailed = onPublishFailed;
    this.#subjects = fleetTopology(namespace).subjects;
  }

  stageChanged(record: RecommendationRecord, change: StageChange): Promise<void> {
    const r = record.recommendation;
    return this.#publish(this.#subjects.recommendationsStage, {
      type: 'recommendations.stage',
      tenant: record.tenant,
      id: `stage:${record.tenant}:${r.id}:${change.stage}`,
      data: {
        id: r.id,
        subjectId: r.subjectId,
        category: r.category,
        stage: toProtoStage(change.stage),
        at: change.at,
        actor: change.actor,
        measureDueAt: record.measureDueAt ?? '',
        ...(record.outcome ? { outcome: toOutcome(record.outcome) } : {}),
      },
    });
  }

  weightsActivated(version: WeightsVersion): Promise<void> {
    return this.#publish(this.#subjects.weightsActivated, {
      type: 'recommend.weights.activated',
      tenant: FLEET_TENANT,
      id: `weights:${version.version}`,
      data: toWeightsVersion(version),
    });
  }

  answerFeedback(feedback: AnswerFeedback): Promise<void> {
    return this.#publish(this.#subjects.answerFeedback, {
      type: 'answer.feedback',
      tenant: feedback.tenant,
      id: `answer:${feedback.id}:${feedback.recordedAt}`,
      data: {
        id: feedback.id,
        answerId: feedback.answerId,
        user: feedback.user,
        rating: feedback.rating,
        comment: feedback.comment,
        kind: feedback.kind,
        sessionId: feedback.sessionId,
        recordedAt: feedback.recordedAt,
      },
    });
  }

  async #publish(subject: string, fields: { type: string; tenant: string; id: string; data: unknown }) {
    try {
      await this.bus.publish(subject, createEvent({ ...fields, source: 'feedback' }));
    } catch (error) {
      this.onPublishFailed(fields.type);
      this.logger.warn(
        { subject, eventId: fields.id, err: error instanceof Error ? error.message : String(error) },
        'feedback event not published (the change is stored)',
      );
    }
  }
}
