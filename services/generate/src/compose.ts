import { hostname } from 'node:os';
import { connectEventBus, fleetTopology } from '@ragfleet/events';
import { RetrieveClient, RouterClient } from '@ragfleet/grpc';
import { protos, type GenerateV1 } from '@ragfleet/protos';
import type { ServiceKit } from '@ragfleet/service-host';
import { CompletionPublisher } from './adapters/completion-publisher.ts';
import { GrpcBudgets } from './adapters/grpc-budgets.ts';
import { BudgetHolds } from './domain/budget-holds.ts';
import { GrpcModelRouter } from './adapters/grpc-model-router.ts';
import { GrpcRetriever } from './adapters/grpc-retriever.ts';
import { loadPromptLibrary } from './adapters/prompt-files.ts';
import { allObservers, providerHealthPublisher } from './adapters/provider-health-publisher.ts';
import { providersFromConfig, providerTimeoutsFromConfig } from './adapters/providers.ts';
import { responseCacheFromConfig } from './adapters/response-cache-from-config.ts';
import { AnswerMetrics } from './answer-metrics.ts';
import { composeAnswerService } from './answer-service.ts';
import type { GenerateConfig } from './config.ts';
import { AnswerPipeline } from './domain/answer-pipeline.ts';
import { DEFAULT_CONVERSATION_LIMITS } from './domain/conversation-input.ts';
import { PassageGuard } from './domain/passage-guard.ts';
import { RECOMMEND_SUGGEST, SESSION_SUMMARY } from './domain/prompt-template.ts';
import { ProviderGuard } from './domain/provider-guard.ts';
import { Suggester } from './domain/suggester.ts';
import { Summarizer } from './domain/summarizer.ts';
import { generateHandlers } from './grpc/answer-handlers.ts';
import { prometheusGuardObserver } from './guard-metrics.ts';
import { composeExperiments } from './experiments/compose-experiments.ts';
import { describePromptFamily } from './experiments/adapters/prompt-catalog.ts';
import { loadPanelPrompts } from './panels/panel-prompts.ts';
import { PanelRunner } from './panels/panel-runner.ts';
import { panelService } from './panels/panel-service.ts';
import { shadowFromConfig } from './shadow/shadow-from-config.ts';
import { shadowReport } from './shadow/shadow-report.ts';
import type { ShadowRunner } from './shadow/shadow-runner.ts';

/** The process's shadow runner, for ExperimentService.GetShadowReport (set by compose). */
let composedShadow: ShadowRunner | undefined;

/** GetShadowReport's answer: the shadow comparisons, their means and the shadow budget's use. */
export async function getShadowReport(): Promise<GenerateV1.GetShadowReportResponse> {
  if (!composedShadow) return { enabled: false, share: 0, summary: null };
  return shadowReport(composedShadow);
}

/**
 * generate's composition root: the router and retrieve clients (signing as generate, on behalf of
 * each request), the event bus, the providers, the response cache, the answer pipeline over
 * them, the summarizer and the suggester, the gRPC handlers.
 */
export async function compose(
  { server, registry, lifecycle, logger, transport }: ServiceKit,
  config: GenerateConfig,
): Promise<void> {
  const prompts = loadPromptLibrary('rag-answer', config.PROMPT_VERSION);
  const summaryPrompts = loadPromptLibrary(SESSION_SUMMARY, config.SUMMARY_PROMPT_VERSION);
  const suggestPrompts = loadPromptLibrary(RECOMMEND_SUGGEST, config.SUGGEST_PROMPT_VERSION);
  const router = new RouterClient(config.ROUTER_ADDR, { transport, registry });
  lifecycle.onShutdown('router client', async () => router.close());
  const retrieve = new RetrieveClient(config.RETRIEVE_ADDR, { transport, registry });
  lifecycle.onShutdown('retrieve client', async () => retrieve.close());
  const topology = fleetTopology(config.NATS_NAMESPACE);
  const bus = await connectEventBus({
    natsUrl: config.NATS_URL,
    streams: [topology.streams.events],
    logger,
    name: 'generate',
  });
  lifecycle.onShutdown('event bus', () => bus.close());

  const providers = providersFromConfig(config);
  const modelRouter = new GrpcModelRouter(router);
  // One guard for both use cases: a provider failing summaries is failing answers too.
  const guard = new ProviderGuard({
    retries: config.PROVIDER_RETRIES,
    breakerThreshold: config.BREAKER_THRESHOLD,
    halfOpenAfterMs: config.BREAKER_HALF_OPEN_MS,
    observer: allObservers(
      prometheusGuardObserver(registry),
      // Breakers are per process: the replica tells the router whose view it is.
      providerHealthPublisher(bus, topology.subjects.providerHealth, `${hostname()}:${process.pid}`, logger),
    ),
    timeouts: providerTimeoutsFromConfig(config),
  });
  const conversationLimits = {
    ...DEFAULT_CONVERSATION_LIMITS,
    maxChars: config.GENERATE_MAX_CONVERSATION_CHARS,
  };
  const responseCache = await responseCacheFromConfig(config, registry, lifecycle);
  const retriever = new GrpcRetriever(retrieve);
  const passageGuard = new PassageGuard({ logger });
  const budgets = config.BUDGETS_ENABLED ? new GrpcBudgets(router) : undefined;
  // Summaries and suggestions are paid for like answers: held for at most an answer's output.
  const chainBudgets = budgets
    ? { holds: new BudgetHolds(budgets, logger), maxOutputTokens: config.GENERATE_MAX_OUTPUT_TOKENS }
    : undefined;
  const pipeline = new AnswerPipeline({
    router: modelRouter,
    retriever,
    prompts,
    providers,
    guard,
    passageGuard,
    defaultTopK: config.GENERATE_TOP_K,
    conversationLimits,
    ...(responseCache.cache ? { responseCache: responseCache.cache } : {}),
    ...(budgets ? { budgets } : {}),
    maxOutputTokens: config.GENERATE_MAX_OUTPUT_TOKENS,
    logger,
  });
  const summarizer = new Summarizer({
    router: modelRouter,
    prompts: summaryPrompts,
    providers,
    guard,
    conversationLimits,
    ...(chainBudgets ? { budgets: chainBudgets } : {}),
  });
  const suggester = new Suggester({
    router: modelRouter,
    retriever,
    prompts: suggestPrompts,
    providers,
    guard,
    passageGuard,
    limits: { defaultTopK: config.GENERATE_TOP_K },
    ...(chainBudgets ? { budgets: chainBudgets } : {}),
  });
  const experiments = await composeExperiments({ server, registry, lifecycle, logger, transport }, config, {
    bus,
    topology,
    shadowReport: getShadowReport,
    extraFamilies: ['panel-answer', 'panel-risks', 'panel-next-questions', 'panel-decision'].map((family) =>
      describePromptFamily(family, family, config.GENERATE_PANEL_PROMPT_VERSION),
    ),
  });
  const completions = new CompletionPublisher(bus, logger, undefined, topology.subjects.generationCompleted);
  const composedAnswer = composeAnswerService(
    pipeline,
    new AnswerMetrics(registry),
    completions,
    experiments.hook((request, signal) => pipeline.answer(request, signal)),
  );
  // Shadow runs watch the answer as the caller gets it, and start after its first token.
  const shadow = await shadowFromConfig(config, { prompts, providers, router, registry, lifecycle, logger });
  composedShadow = shadow;
  const answer: typeof composedAnswer = (request, context) =>
    shadow.observe(composedAnswer(request, context), request);
  const panels = panelService(
    new PanelRunner({
      router: modelRouter,
      retriever,
      prompts: loadPanelPrompts(config.GENERATE_PANEL_PROMPT_VERSION),
      providers,
      guard,
      passageGuard,
      defaultTopK: config.GENERATE_TOP_K,
      maxOutputTokens: config.GENERATE_MAX_OUTPUT_TOKENS,
      ...(budgets ? { budgets } : {}),
    }),
    completions,
  );
  server.addService(
    'ragfleet.generate.v1.GenerateService',
    protos.generate().GenerateService.service,
    generateHandlers(
      answer,
      (request, context) =>
        completions.unary('summary', context, () => summarizer.summarize(request, context.signal)),
      (request, context) =>
        completions.unary('suggestion', context, () => suggester.suggest(request, context.signal)),
      panels,
    ),
  );
  logger.info(
    {
      providers: providers.map((provider) => provider.name),
      prompt: prompts.defaultVersion,
      summaryPrompt: summaryPrompts.defaultVersion,
      suggestPrompt: suggestPrompts.defaultVersion,
      responseCache: responseCache.kind,
      budgets: config.BUDGETS_ENABLED,
      shadow: shadow.enabled ? { candidate: shadow.label, share: shadow.share } : false,
    },
    'generate composed',
  );
}
