import { hostname } from 'node:os';
import { z } from 'zod';
import { env, loadConfig, serviceAddresses, serviceFields } from '@ragfleet/config';

export const recommendConfigSchema = z.object({
  ...serviceFields('recommend'),
  /** Subjects, their metrics, recommendation records and weights all live in feedback. */
  FEEDBACK_ADDR: serviceAddresses.FEEDBACK_ADDR(),
  /** Model candidates come from generate's Suggest. */
  GENERATE_ADDR: serviceAddresses.GENERATE_ADDR(),
  /** Unset: the in-process bus (events stay in this process); set: JetStream. */
  NATS_URL: env.optionalUrl(),
  NATS_NAMESPACE: env.natsNamespace(),
  /**
   * Names this replica's own durable consumer of weights activations: keep it stable across
   * restarts (a StatefulSet pod name) so that a restarted replica resumes its consumer.
   */
  REPLICA_ID: z.string().min(1).default(hostname()),
  /** The shipped pack whose rules, metric schema and health model this scorer runs. */
  RECOMMEND_RULE_PACK: z.string().min(1).default('lightning'),
  /** Unset: the shipped pack's folder; set: a folder with the same files (metric-schema.json, rules.json, outcome.json). */
  RECOMMEND_RULE_PACK_DIR: env.optionalString(),
  /** The backstop poll of feedback's active weights, for a missed event or a fleet without NATS. */
  RECOMMEND_WEIGHTS_POLL_MS: env.positiveInt(30_000),
  /** Passages generate retrieves to ground model suggestions. */
  RECOMMEND_MODEL_K: env.positiveInt(5),
  /** Suggestions asked of the model per Recommend (and never more than its limit). */
  RECOMMEND_MODEL_SUGGESTIONS: env.positiveInt(5),
  /** The model call's deadline; past it the ai batch carries DEADLINE_EXCEEDED and the stream completes. */
  RECOMMEND_MODEL_TIMEOUT_MS: env.positiveInt(60_000),
  /** A larger Score batch is refused (INVALID_ARGUMENT). */
  RECOMMEND_MAX_SCORE_CANDIDATES: env.positiveInt(1_000),
});

export type RecommendConfig = z.output<typeof recommendConfigSchema>;

export function loadRecommendConfig(
  source: Record<string, string | undefined> = process.env,
): RecommendConfig {
  return loadConfig('recommend', recommendConfigSchema, source);
}
