import type { EventBus, Subscription } from '@ragfleet/events';
import type { ActiveChanges } from '../domain/active-changes.ts';

/** answer.feedback's data as the feedback service publishes it (the fields used here). */
interface AnswerFeedbackData {
  answerId?: string;
  /** "up" / "down" (feedback's records); the proto's RATING_UP / RATING_DOWN are read too. */
  rating?: string;
}

const UP = new Set(['up', 'RATING_UP']);
const DOWN = new Set(['down', 'RATING_DOWN']);

/**
 * Counts answer feedback into the results of the experiment or rollout that chose the answer.
 * One durable shared by the replicas: each rating is counted by one of them; the handler resolves
 * only after the count is stored (then the event is acked).
 */
export function consumeAnswerFeedback(
  bus: EventBus,
  subject: string,
  durable: string,
  changes: ActiveChanges,
): Promise<Subscription> {
  return bus.subscribe<AnswerFeedbackData>(subject, { durable, maxAttempts: 5 }, async (event) => {
    const { answerId, rating } = event.data ?? {};
    if (!answerId || !rating || !(UP.has(rating) || DOWN.has(rating))) return; // not about a rated answer
    await changes.feedback(answerId, UP.has(rating));
  });
}
