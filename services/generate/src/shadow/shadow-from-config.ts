import type { RouterClient } from '@ragfleet/grpc';
import type { Lifecycle } from '@ragfleet/lifecycle';
import type { Registry } from '@ragfleet/telemetry';
import { providerTimeoutsFromConfig } from '../adapters/providers.ts';
import { connectRedis } from '../adapters/redis-client.ts';
import type { GenerateConfig } from '../config.ts';
import type { ChatProvider, PromptTemplates } from '../domain/ports.ts';
import { ProviderGuard } from '../domain/provider-guard.ts';
import { catalogPrices } from './catalog-prices.ts';
import { RedisShadowStore } from './redis-shadow-store.ts';
import { ShadowMetrics } from './shadow-metrics.ts';
import { ShadowRunner, type ShadowCandidate } from './shadow-runner.ts';
import { MemoryShadowStore } from './shadow-store.ts';

interface ShadowDependencies {
  prompts: PromptTemplates;
  providers: ChatProvider[];
  router: RouterClient;
  registry: Registry;
  lifecycle: Pick<Lifecycle, 'onShutdown'>;
  logger: { warn(fields: object, message: string): void };
}

/** The candidate the configuration names; its prompt version is checked now, not on a request. */
export function shadowCandidate(config: GenerateConfig, prompts: PromptTemplates): ShadowCandidate {
  const [provider = '', ...model] = config.GENERATE_SHADOW_MODEL.split('/');
  const promptVersion = config.GENERATE_SHADOW_PROMPT_VERSION;
  if (promptVersion) prompts.resolve(promptVersion);
  return {
    ...(provider ? { model: { provider, model: model.join('/') } } : {}),
    ...(promptVersion ? { promptVersion } : {}),
  };
}

/** The shadow runner of the configuration: fleet-wide comparisons and budget with REDIS_URL. */
export async function shadowFromConfig(
  config: GenerateConfig,
  deps: ShadowDependencies,
): Promise<ShadowRunner> {
  let store: MemoryShadowStore | RedisShadowStore = new MemoryShadowStore();
  if (config.REDIS_URL && config.GENERATE_SHADOW_SHARE > 0) {
    const redis = await connectRedis(config.REDIS_URL);
    deps.lifecycle.onShutdown('shadow redis', async () => void redis.disconnect());
    store = new RedisShadowStore(redis, config.GENERATE_SHADOW_PREFIX);
  }
  const runner = new ShadowRunner({
    share: config.GENERATE_SHADOW_SHARE,
    candidate: shadowCandidate(config, deps.prompts),
    budgetUsd: config.GENERATE_SHADOW_BUDGET_USD,
    maxConcurrent: config.GENERATE_SHADOW_MAX_CONCURRENT,
    keepRecent: config.GENERATE_SHADOW_KEEP_RECENT,
    store,
    prices: catalogPrices(deps.router),
    prompts: deps.prompts,
    providers: deps.providers,
    // Its own breakers, no health events: the candidate's failures are not the primary's.
    guard: new ProviderGuard({
      retries: 0,
      breakerThreshold: config.BREAKER_THRESHOLD,
      timeouts: providerTimeoutsFromConfig(config),
    }),
    maxOutputTokens: config.GENERATE_MAX_OUTPUT_TOKENS,
    metrics: new ShadowMetrics(deps.registry),
    logger: deps.logger,
  });
  deps.lifecycle.onShutdown('shadow runs', () => runner.settled());
  return runner;
}
