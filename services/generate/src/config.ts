import { z } from 'zod';
import { env, loadConfig, serviceAddresses, serviceFields } from '@ragfleet/config';

export const generateConfigSchema = z.object({
  ...serviceFields('generate'),
  ROUTER_ADDR: serviceAddresses.ROUTER_ADDR(),
  RETRIEVE_ADDR: serviceAddresses.RETRIEVE_ADDR(),
  /** Enables the ollama provider. */
  OLLAMA_HOST: env.optionalUrl(),
  /** Enables the anthropic provider. */
  ANTHROPIC_API_KEY: env.optionalString(),
  ANTHROPIC_BASE_URL: env.optionalUrl(),
  /** Output token limit of Anthropic calls that name none (summaries); answers use GENERATE_MAX_OUTPUT_TOKENS. */
  ANTHROPIC_MAX_TOKENS: env.positiveInt(1024),
  /** Until the TCP/TLS connection to Ollama is up. */
  OLLAMA_CONNECT_TIMEOUT_MS: env.positiveInt(5_000),
  /** Until Ollama's first token: a local model's cold load takes 30 s or more, and is no failure. */
  OLLAMA_FIRST_TOKEN_TIMEOUT_MS: env.positiveInt(60_000),
  /** Until the end of Ollama's answer. */
  OLLAMA_TOTAL_TIMEOUT_MS: env.positiveInt(300_000),
  ANTHROPIC_CONNECT_TIMEOUT_MS: env.positiveInt(5_000),
  ANTHROPIC_FIRST_TOKEN_TIMEOUT_MS: env.positiveInt(15_000),
  ANTHROPIC_TOTAL_TIMEOUT_MS: env.positiveInt(120_000),
  /**
   * Reserve each answer's worst-case cost with the router before its model is opened and settle
   * it when the answer ends; false: budgets are not consulted (nothing is held or counted).
   */
  BUDGETS_ENABLED: env.boolean(true),
  /** The most tokens an answer may have: reserved against the budgets and given to the provider. */
  GENERATE_MAX_OUTPUT_TOKENS: env.positiveInt(1024),
  /**
   * Template version of prompts/rag-answer used when a request names none: v3 quotes every
   * retrieved passage as sealed data and warns about flagged ones (docs/prompt-guard.md).
   */
  PROMPT_VERSION: z
    .string()
    .regex(/^[\w.-]+$/, 'expected a version name such as v1')
    .default('v3'),
  /** Template version of prompts/session-summary used when a Summarize request names none. */
  SUMMARY_PROMPT_VERSION: z
    .string()
    .regex(/^[\w.-]+$/, 'expected a version name such as v1')
    .default('v1'),
  /** Template version of prompts/recommend-suggest used when a Suggest request names none. */
  SUGGEST_PROMPT_VERSION: z
    .string()
    .regex(/^[\w.-]+$/, 'expected a version name such as v1')
    .default('v1'),
  /**
   * Characters of conversation one Answer (history + summary) or Summarize (messages + previous
   * summary) may carry; the session service sends far less (its context has a token budget).
   */
  GENERATE_MAX_CONVERSATION_CHARS: env.positiveInt(200_000),
  NATS_URL: env.optionalUrl(),
  NATS_NAMESPACE: env.natsNamespace(),
  /** Passages retrieved when a request leaves k at 0. */
  GENERATE_TOP_K: env.positiveInt(5),
  /**
   * Answers kept by the embedded response cache (an LRU per process); 0 turns the response cache
   * off, Redis included.
   */
  RESPONSE_CACHE_ENTRIES: env.nonNegativeInt(1000),
  /** Shared response cache; without it each replica keeps its own LRU. */
  REDIS_URL: env.optionalUrl(),
  RESPONSE_CACHE_PREFIX: z.string().min(1).default('ragfleet:answer:'),
  RESPONSE_CACHE_TTL_SECONDS: env.positiveInt(3600),
  /** Embedded state (the experiment store without REDIS_URL) lives in DATA_DIR/generate/experiments.json. */
  DATA_DIR: z.string().min(1).default('.data'),
  /** Key prefix of the experiment store in Redis (experiments, rollouts, counters, assignments). */
  EXPERIMENTS_PREFIX: z.string().min(1).default('ragfleet:experiments:'),
  /** How long a replica chooses variants from what it last read of the store. */
  EXPERIMENTS_CACHE_MS: env.positiveInt(2_000),
  /** How often the controller evaluates experiments' planned looks and steps rollouts. */
  EXPERIMENTS_CONTROLLER_INTERVAL_MS: env.positiveInt(5_000),
  /** How long an answer's variant is remembered for its feedback (7 days). */
  EXPERIMENTS_ASSIGNMENT_TTL_SECONDS: env.positiveInt(604_800),
  /** A rollout's default stages: the candidate's shares of traffic, the last one 1. */
  ROLLOUT_STAGES: z
    .string()
    .default('0.1,0.5,1')
    .transform((text) => text.split(',').map(Number))
    .refine((shares) => shares.every((s, i) => s > (shares[i - 1] ?? 0) && s <= 1) && shares.at(-1) === 1, {
      message: 'expected growing shares in (0, 1] ending with 1, e.g. 0.1,0.5,1',
    }),
  /** Each default stage is held at least this long and for this many answers. */
  ROLLOUT_HOLD_SECONDS: env.nonNegativeInt(600),
  ROLLOUT_HOLD_ANSWERS: env.nonNegativeInt(100),
  /** A rollout rolls back when the candidate's error rate in a stage passes this. */
  ROLLOUT_MAX_ERROR_RATE: z.coerce.number().gt(0).lt(1).default(0.01),
  /** ...or when its thumbs-up rate, once ROLLOUT_MIN_RATED answers are rated, falls below this. */
  ROLLOUT_MIN_QUALITY: z.coerce.number().min(0).max(1).default(0.7),
  ROLLOUT_MIN_RATED: env.positiveInt(20),
  /** Answers of a stage before its error rate may roll it back early (at its end it always counts). */
  ROLLOUT_GUARD_MIN_ANSWERS: env.positiveInt(50),
  /**
   * A JSON file {tenant, queries: [{query, relevant: [document ids]}]}: the labelled set a
   * retrieval candidate's recall@5 is measured on. Empty: rollouts of retrieval candidates are refused.
   */
  ROLLOUT_LABELLED_SET: env.optionalString(),
  /** A retrieval candidate rolls back when its recall@5 on the labelled set is under this. */
  ROLLOUT_MIN_RECALL: z.coerce.number().gt(0).max(1).default(0.7),
  /** Deadline of each labelled query's search. */
  ROLLOUT_RECALL_TIMEOUT_MS: env.positiveInt(10_000),
  PROVIDER_RETRIES: env.nonNegativeInt(1),
  BREAKER_THRESHOLD: env.positiveInt(3),
  BREAKER_HALF_OPEN_MS: env.positiveInt(30_000),
  /** Share of answers also run, in the background, on the shadow candidate (0 to 1; 0: off). */
  GENERATE_SHADOW_SHARE: z.coerce.number().min(0).max(1).default(0),
  /** The shadow candidate's model, "provider/model"; empty: the primary's model. */
  GENERATE_SHADOW_MODEL: z
    .string()
    .regex(/^$|^[\w.-]+\/[\w.:/-]+$/, 'expected provider/model, such as ollama/llama3.2')
    .default(''),
  /** The shadow candidate's prompts/rag-answer version; empty: the primary's. */
  GENERATE_SHADOW_PROMPT_VERSION: z
    .string()
    .regex(/^$|^[\w.-]+$/, 'expected a version name such as v2')
    .default(''),
  /** USD shadow runs may spend per UTC day (fleet-wide with REDIS_URL); a run that would exceed it is skipped. */
  GENERATE_SHADOW_BUDGET_USD: z.coerce.number().min(0).default(1),
  /** Shadow runs under way at once per replica; a sampled answer beyond it is not shadowed. */
  GENERATE_SHADOW_MAX_CONCURRENT: env.positiveInt(4),
  /** Comparisons kept for the report. */
  GENERATE_SHADOW_KEEP_RECENT: env.positiveInt(100),
  GENERATE_SHADOW_PREFIX: z.string().min(1).default('ragfleet:shadow:'),
  /** Version of the panel specialists' templates (prompts/panel-*). */
  GENERATE_PANEL_PROMPT_VERSION: z
    .string()
    .regex(/^[\w.-]+$/, 'expected a version name such as v1')
    .default('v1'),
});

export type GenerateConfig = z.output<typeof generateConfigSchema>;

export function loadGenerateConfig(source: Record<string, string | undefined> = process.env): GenerateConfig {
  return loadConfig('generate', generateConfigSchema, source);
}
