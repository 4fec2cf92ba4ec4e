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
