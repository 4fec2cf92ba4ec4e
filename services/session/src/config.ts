import { z } from 'zod';
import { env, loadConfig, serviceAddresses, serviceFields } from '@ragfleet/config';

export const sessionConfigSchema = z
  .object({
    ...serviceFields('session'),
    /** Turns are answered, and old messages summarized, by generate. */
    GENERATE_ADDR: serviceAddresses.GENERATE_ADDR(),
    /** Unset: the embedded memory store (one process, `pnpm start`); set: replicas share Redis. */
    REDIS_URL: env.optionalUrl(),
    /** Sliding inactivity TTL: every message (or touch) starts it again. */
    SESSION_TTL_SECONDS: env.positiveInt(1_800),
    /** Every Redis key starts with it, so deployments and tests can share one Redis. */
    SESSION_KEY_PREFIX: z.string().min(1).default('ragfleet:session:'),
    /** How long a turn's event buffer outlives its last event: the window to resume it. */
    SESSION_TURN_EVENTS_TTL_SECONDS: env.positiveInt(600),
    /** How often the memory store frees expired sessions (reads already ignore them). */
    SESSION_SWEEP_INTERVAL_MS: env.positiveInt(120_000),
    /** Token budget (o200k_base) of the summary and recent messages sent with each question. */
    SESSION_CONTEXT_TOKENS: env.positiveInt(3_000),
    /** A user message longer than this is refused (INVALID_ARGUMENT). */
    SESSION_MAX_MESSAGE_CHARS: env.positiveInt(16_000),
    /** One turn's answer may take this long; a dead replica's turn lock lapses after it too. */
    SESSION_TURN_TIMEOUT_SECONDS: env.positiveInt(120),
    /** Off: the oldest messages beyond SESSION_WINDOW_MESSAGES leave the window unsummarized. */
    SESSION_SUMMARY_ENABLED: env.boolean(true),
    /** A summary is written once the window holds this many messages... */
    SESSION_SUMMARY_TRIGGER_MESSAGES: env.positiveInt(45),
    /** ...folding this many of the oldest into it. */
    SESSION_SUMMARY_BATCH_MESSAGES: env.positiveInt(15),
    /** The most messages a window keeps, summarized or not. */
    SESSION_WINDOW_MESSAGES: env.positiveInt(50),
    SESSION_SUMMARY_MAX_WORDS: env.positiveInt(200),
    SESSION_SUMMARY_TIMEOUT_SECONDS: env.positiveInt(60),
  })
  .refine((config) => config.SESSION_SUMMARY_BATCH_MESSAGES < config.SESSION_SUMMARY_TRIGGER_MESSAGES, {
    message: 'SESSION_SUMMARY_BATCH_MESSAGES must be smaller than SESSION_SUMMARY_TRIGGER_MESSAGES',
    path: ['SESSION_SUMMARY_BATCH_MESSAGES'],
  })
  .refine((config) => config.SESSION_SUMMARY_TRIGGER_MESSAGES <= config.SESSION_WINDOW_MESSAGES, {
    message: 'SESSION_SUMMARY_TRIGGER_MESSAGES must not exceed SESSION_WINDOW_MESSAGES',
    path: ['SESSION_SUMMARY_TRIGGER_MESSAGES'],
  })
  .transform(({ SESSION_TTL_SECONDS, SESSION_TURN_EVENTS_TTL_SECONDS, ...rest }) => ({
    ...rest,
    timings: {
      sessionTtlMs: SESSION_TTL_SECONDS * 1_000,
      turnEventTtlMs: SESSION_TURN_EVENTS_TTL_SECONDS * 1_000,
    },
  }));

export type SessionConfig = z.output<typeof sessionConfigSchema>;

export function loadSessionConfig(source: Record<string, string | undefined> = process.env): SessionConfig {
  return loadConfig('session', sessionConfigSchema, source);
}
