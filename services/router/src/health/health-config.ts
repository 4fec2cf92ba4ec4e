import { z } from 'zod';

/** The router's settings for provider health, spread into routerConfigSchema. */
export const healthConfigFields = {
  /** A generate replica's open report counts this long (a replica that died open stops counting). */
  BREAKER_STATE_TTL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
};
