import { z } from 'zod';
import { env } from '@ragfleet/config';

/** Gateway variables for the counts of asked questions; spread into the gateway's config schema. */
export const popularConfigFields = {
  /** A question's hit weighs half as much after this long (default one day). */
  GATEWAY_POPULAR_HALF_LIFE_SECONDS: env.positiveInt(86_400),
  /** Distinct questions kept per tenant; past it the lowest scored is dropped. */
  GATEWAY_POPULAR_MAX_QUESTIONS: env.positiveInt(1_000),
  /** Redis key prefix of the counts (with REDIS_URL; else they live in this process). */
  GATEWAY_POPULAR_PREFIX: z.string().min(1).default('ragfleet:gateway:popular:'),
};

export type PopularConfig = {
  [K in keyof typeof popularConfigFields]: z.output<(typeof popularConfigFields)[K]>;
};
