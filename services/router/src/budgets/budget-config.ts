import { z } from 'zod';
import { env } from '@ragfleet/config';
import { MAX_RESERVATION_TTL_MS } from '@ragfleet/budgets';

/** The router's settings for budgets, spread into routerConfigSchema. */
export const budgetConfigFields = {
  /** Budgets in Redis, shared by every router replica; in this process's memory otherwise. */
  REDIS_URL: env.optionalUrl(),
  /** Prefix of the budget keys (on Redis Cluster, a hash tag such as `{ragfleet:budgets}:`). */
  BUDGET_KEY_PREFIX: z.string().min(1).default('ragfleet:budgets:'),
  /**
   * After this long an unsettled reservation stops counting (its generate replica presumed dead):
   * above generate's longest total timeout (OLLAMA_TOTAL_TIMEOUT_MS, 300 s), so a live answer never
   * outlives its hold.
   */
  BUDGET_RESERVATION_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_RESERVATION_TTL_MS / 1_000)
    .default(360),
  /**
   * Output tokens the routing decision assumes when it checks a model against the remaining
   * budget; generate's default max output (ANTHROPIC_MAX_TOKENS) is 1024.
   */
  ROUTER_BUDGET_OUTPUT_TOKENS: z.coerce.number().int().min(0).max(1_000_000).default(1_024),
};

export interface BudgetConfig {
  REDIS_URL?: string | undefined;
  BUDGET_KEY_PREFIX: string;
  BUDGET_RESERVATION_TTL_SECONDS: number;
  ROUTER_BUDGET_OUTPUT_TOKENS: number;
}
