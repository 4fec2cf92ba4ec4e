import { createHash } from 'node:crypto';
import { RagfleetError, invalidField } from '@ragfleet/errors';
import { isoAt, type Clock } from './clock.ts';
import type { FeedbackEvents, FeedbackObserver } from './feedback-events.ts';
import type { FeedbackStore } from './feedback-store.ts';
import type { AnswerFeedback, AnswerKind, Rating } from './records.ts';

export const MAX_COMMENT_CHARS = 2_000;

export interface AnswerRating {
  answerId: string;
  rating: Rating | undefined;
  comment: string;
  kind: string;
  sessionId: string;
}

/** Thumbs up or down on RAG and chat answers: one per (tenant, user, answer), a repeat replaces it. */
export class AnswerFeedbackBook {
  private readonly deps: {
    store: FeedbackStore;
    clock: Clock;
    events: FeedbackEvents;
    observer: FeedbackObserver;
  };

  constructor(deps: {
    store: FeedbackStore;
    clock: Clock;
    events: FeedbackEvents;
    observer: FeedbackObserver;
  }) {
    this.deps = deps;
  }

  async record(
    tenant: string,
    user: string | undefined,
    input: AnswerRating,
  ): Promise<{ feedback: AnswerFeedback; replaced: boolean }> {
    if (!user) {
      throw new RagfleetError('PERMISSION_DENIED', 'Answer feedback needs a caller identity (x-user-id).', {
        details: { reason: 'NO_USER' },
      });
    }
    if (!input.answerId) throw invalidField('answer_id', 'is required');
    if (!input.rating) throw invalidField('rating', 'is required (RATING_UP or RATING_DOWN)');
    if (input.comment.length > MAX_COMMENT_CHARS) {
      throw invalidField('comment', `must be at most ${MAX_COMMENT_CHARS} characters`);
    }
    const kind = input.kind || 'rag';
    if (kind !== 'rag' && kind !== 'chat') throw invalidField('kind', 'must be "rag" or "chat"');
    const feedback: AnswerFeedback = {
      tenant,
      user,
      answerId: input.answerId,
      // Stable per (tenant, user, answer): the replacement keeps the id.
      id: createHash('sha256')
        .update(`${tenant}\u0000${user}\u0000${input.answerId}`)
        .digest('hex')
        .slice(0, 32),
      rating: input.rating,
      comment: input.comment,
      kind: kind as AnswerKind,
      sessionId: input.sessionId,
      recordedAt: isoAt(this.deps.clock),
    };
    const replaced = await this.deps.store.putAnswerFeedback(feedback);
    this.deps.observer.answerFeedback(feedback.rating, replaced);
    await this.deps.events.answerFeedback(feedback);
    return { feedback, replaced };
  }
}
