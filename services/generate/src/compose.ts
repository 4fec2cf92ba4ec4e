import { connectEventBus, fleetTopology } from '@ragfleet/events';
import { RetrieveClient, RouterClient } from '@ragfleet/grpc';
import { protos } from '@ragfleet/protos';
import type { ServiceKit } from '@ragfleet/service-host';
import { CompletionPublisher } from './adapters/completion-publisher.ts';
import { GrpcModelRouter } from './adapters/grpc-model-router.ts';
import { GrpcRetriever } from './adapters/grpc-retriever.ts';
import { loadPromptLibrary } from './adapters/prompt-files.ts';
import { providersFromConfig } from './adapters/providers.ts';
import { AnswerMetrics } from './answer-metrics.ts';
import { composeAnswerService } from './answer-service.ts';
import type { GenerateConfig } from './config.ts';
import { AnswerPipeline } from './domain/answer-pipeline.ts';
import { PassageGuard } from './domain/passage-guard.ts';
import { ProviderGuard } from './domain/provider-guard.ts';
import { generateHandlers } from './grpc/answer-handlers.ts';
import { prometheusGuardObserver } from './guard-metrics.ts';

/**
 * generate's composition root: the router and retrieve clients (signing as generate, on behalf of
 * each request), the event bus, the providers, the answer pipeline over them, its gRPC handlers.
 */
export async function compose(
  { server, registry, lifecycle, logger, transport }: ServiceKit,
  config: GenerateConfig,
): Promise<void> {
  const prompts = loadPromptLibrary('rag-answer', config.PROMPT_VERSION);
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
  const pipeline = new AnswerPipeline({
    router: new GrpcModelRouter(router),
    retriever: new GrpcRetriever(retrieve),
    prompts,
    providers,
    guard: new ProviderGuard({
      retries: config.PROVIDER_RETRIES,
      breakerThreshold: config.BREAKER_THRESHOLD,
      halfOpenAfterMs: config.BREAKER_HALF_OPEN_MS,
      observer: prometheusGuardObserver(registry),
    }),
    passageGuard: new PassageGuard({ logger }),
    defaultTopK: config.GENERATE_TOP_K,
  });
  const answer = composeAnswerService(
    pipeline,
    new AnswerMetrics(registry),
    new CompletionPublisher(bus, logger, undefined, topology.subjects.generationCompleted),
  );
  server.addService(
    'ragfleet.generate.v1.GenerateService',
    protos.generate().GenerateService.service,
    generateHandlers(answer),
  );
  logger.info(
    { providers: providers.map((provider) => provider.name), prompt: prompts.defaultVersion },
    'generate composed',
  );
}
