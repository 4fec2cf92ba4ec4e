import type { Redis } from 'ioredis';
import type { Logger } from '@ragfleet/telemetry';
import type { PopularConfig } from './config-fields.ts';
import { MemoryQuestionCounts } from './memory-question-counts.ts';
import { PopularQuestions } from './popular-questions.ts';
import { RedisQuestionCounts } from './redis-question-counts.ts';

/** Shared counts in Redis when the gateway has it (every replica sees every question), else this process's. */
export function createPopularQuestions(
  config: PopularConfig,
  deps: { redis?: Redis | undefined; logger: Logger },
): PopularQuestions {
  const settings = {
    halfLifeSeconds: config.GATEWAY_POPULAR_HALF_LIFE_SECONDS,
    maxQuestions: config.GATEWAY_POPULAR_MAX_QUESTIONS,
  };
  const counts = deps.redis
    ? new RedisQuestionCounts(deps.redis, config.GATEWAY_POPULAR_PREFIX, settings)
    : new MemoryQuestionCounts(settings);
  return new PopularQuestions(counts, { halfLifeSeconds: settings.halfLifeSeconds, logger: deps.logger });
}
