import type { AnswerFeedback, RecommendationRecord, StageChange, WeightsVersion } from './records.ts';

/**
 * What feedback tells the fleet, each after the change is stored. A failed publish does not undo
 * the change (the store is the truth; GetActiveWeights serves it): adapters log and count it.
 */
export interface FeedbackEvents {
  stageChanged(record: RecommendationRecord, change: StageChange): Promise<void>;
  weightsActivated(version: WeightsVersion): Promise<void>;
  answerFeedback(feedback: AnswerFeedback): Promise<void>;
}

/** What the domain reports for metrics; feedback-metrics.ts turns it into prom-client series. */
export interface FeedbackObserver {
  transitioned(to: string): void;
  measured(outcome: 'measured' | 'unmeasurable' | 'retry' | 'lost_claim'): void;
  fitted(outcome: 'activated' | 'unchanged' | 'too_few'): void;
  weightsActive(version: WeightsVersion): void;
  answerFeedback(rating: string, replaced: boolean): void;
}

export const silentObserver: FeedbackObserver = {
  transitioned: () => undefined,
  measured: () => undefined,
  fitted: () => undefined,
  weightsActive: () => undefined,
  answerFeedback: () => undefined,
};
