import { z } from 'zod';
import { env, loadConfig, serviceFields } from '@ragfleet/config';

const DAY_MS = 86_400_000;

const fraction = (fallback: number) => z.coerce.number().gt(0).max(1).default(fallback);
const nonNegative = (fallback: number) => z.coerce.number().min(0).default(fallback);

export const feedbackConfigSchema = z.object({
  ...serviceFields('feedback'),
  /** The embedded store's journal lives in DATA_DIR/feedback/journal.jsonl. */
  DATA_DIR: z.string().min(1).default('.data'),
  /** When set, the store is MongoDB (collections feedback_*), shared by every replica. */
  MONGODB_URI: env.optionalString(),
  /** JetStream for the stage, weights and answer events; the in-process bus otherwise. */
  NATS_URL: env.optionalUrl(),
  NATS_NAMESPACE: env.natsNamespace(),
  /** Wait from applying to measuring; unset: the subject's pack says (outcome.measureAfterDays, 7 for lightning). */
  FEEDBACK_MEASURE_AFTER_MS: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.coerce.number().int().positive().optional(),
  ),
  /** How often the measurer looks for due measurements in the store. */
  FEEDBACK_MEASURE_INTERVAL_MS: env.positiveInt(60_000),
  /** No snapshot after applying yet: look again after this long... */
  FEEDBACK_MEASURE_RETRY_MS: env.positiveInt(DAY_MS),
  /** ...this many times in all, then record the outcome as not measurable. */
  FEEDBACK_MEASURE_MAX_ATTEMPTS: env.positiveInt(7),
  /** A measurer's claim on a record; a replica that dies mid-measurement loses it after this. */
  FEEDBACK_MEASURE_CLAIM_MS: env.positiveInt(300_000),
  /** Due records measured per pass. */
  FEEDBACK_MEASURE_BATCH: env.positiveInt(200),
  /** How often learning fits new weights (only when new outcomes were measured since the last fit). */
  FEEDBACK_FIT_INTERVAL_MS: env.positiveInt(3_600_000),
  /** No fit before this many measured outcomes. */
  FEEDBACK_LEARNING_MIN_OUTCOMES: env.positiveInt(20),
  /** The fitted weights count n / (n + this): the pull toward the current weights. */
  FEEDBACK_LEARNING_PRIOR_STRENGTH: nonNegative(50),
  /** The most any weight moves in one fit. */
  FEEDBACK_LEARNING_MAX_STEP: fraction(0.05),
  /** The ridge penalty of the regression (on centered factor values). */
  FEEDBACK_LEARNING_RIDGE_LAMBDA: nonNegative(1),
  /** The newest measured outcomes one fit reads. */
  FEEDBACK_LEARNING_MAX_OUTCOMES: env.positiveInt(10_000),
});

export type FeedbackConfig = z.output<typeof feedbackConfigSchema>;

export function loadFeedbackConfig(source: Record<string, string | undefined> = process.env): FeedbackConfig {
  return loadConfig('feedback', feedbackConfigSchema, source);
}
