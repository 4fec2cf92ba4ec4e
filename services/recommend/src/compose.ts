import { randomUUID } from 'node:crypto';
import { connectEventBus, fleetTopology, type EventBus } from '@ragfleet/events';
import { FeedbackClient, GenerateClient, SubjectClient, WeightsClient } from '@ragfleet/grpc';
import { protos } from '@ragfleet/protos';
import type { ServiceKit } from '@ragfleet/service-host';
import { FeedbackRecorder } from './adapters/feedback-recorder.ts';
import { FeedbackSubjects } from './adapters/feedback-subjects.ts';
import { GeneratedEvents } from './adapters/generated-events.ts';
import { GenerateSuggester } from './adapters/generate-suggester.ts';
import { WeightsFeed } from './adapters/weights-feed.ts';
import type { RecommendConfig } from './config.ts';
import { RecommendPipeline } from './domain/recommendations/recommend-pipeline.ts';
import { Scorer } from './domain/recommendations/scorer.ts';
import { loadRulePack, type RulePack } from './domain/rules/load-pack.ts';
import { WeightsHolder } from './domain/weights/weights-holder.ts';
import { recommendHandlers } from './grpc/recommend-handlers.ts';
import { recommendMetrics } from './recommend-metrics.ts';

export const RECOMMEND_SERVICE = 'ragfleet.recommend.v1.RecommendService';

/** What an in-process test of the whole loop (recommend → feedback → new weights) reaches into. */
export interface ComposedRecommend {
  holder: WeightsHolder;
  feed: WeightsFeed;
  pipeline: RecommendPipeline;
  scorer: Scorer;
  pack: RulePack;
  bus: EventBus;
  topology: ReturnType<typeof fleetTopology>;
}

export interface RecommendOverrides {
  /**
   * The bus to use instead of connecting one: an in-process fleet (feedback and the scorer in one
   * test process, no NATS) shares one InMemoryEventBus, so activations reach the scorer as events.
   */
  bus?: EventBus;
}

/** Durable names allow no dots, wildcards or spaces; a pod name may hold dots. */
export function weightsDurable(prefix: string, replicaId: string): string {
  return `${prefix}-${replicaId.replace(/[^\w-]/g, '_')}`;
}

/**
 * The scorer's composition root: the rule pack (validated on load, so a bad pack stops the
 * start), clients of feedback and generate signed as recommend on behalf of each caller, the bus,
 * the weights holder fed by feedback, the Score and Recommend domain objects and their handlers.
 */
export async function compose(
  kit: ServiceKit,
  config: RecommendConfig,
  overrides: RecommendOverrides = {},
): Promise<ComposedRecommend> {
  const { lifecycle, logger, registry, server, transport } = kit;
  const pack = loadRulePack(config.RECOMMEND_RULE_PACK, config.RECOMMEND_RULE_PACK_DIR);
  const settings = { transport, registry };
  const subjectsClient = new SubjectClient(config.FEEDBACK_ADDR, settings);
  const feedbackClient = new FeedbackClient(config.FEEDBACK_ADDR, settings);
  const weightsClient = new WeightsClient(config.FEEDBACK_ADDR, settings);
  const generateClient = new GenerateClient(config.GENERATE_ADDR, settings);
  lifecycle.onShutdown('feedback and generate clients', async () => {
    for (const client of [subjectsClient, feedbackClient, weightsClient, generateClient]) client.close();
  });

  const topology = fleetTopology(config.NATS_NAMESPACE);
  const bus =
    overrides.bus ??
    (await connectEventBus({
      natsUrl: config.NATS_URL,
      streams: [topology.streams.events],
      logger,
      name: 'recommend',
    }));
  if (!overrides.bus) lifecycle.onShutdown('event bus', () => bus.close());

  const metrics = recommendMetrics(registry, logger);
  const holder = new WeightsHolder(metrics.weights);
  const feed = new WeightsFeed({
    holder,
    client: weightsClient,
    bus,
    subject: topology.subjects.weightsActivated,
    durable: weightsDurable(topology.durables.weightsReplica, config.REPLICA_ID),
    pollMs: config.RECOMMEND_WEIGHTS_POLL_MS,
    logger,
  });
  await feed.start();
  lifecycle.onShutdown('weights feed', () => feed.stop());

  const subjects = new FeedbackSubjects(subjectsClient);
  const scorer = new Scorer({
    pack,
    subjects,
    weights: () => holder.weights,
    observer: metrics.pipeline,
    maxCandidates: config.RECOMMEND_MAX_SCORE_CANDIDATES,
  });
  const pipeline = new RecommendPipeline({
    pack,
    subjects,
    recorder: new FeedbackRecorder(feedbackClient),
    publisher: new GeneratedEvents(
      bus,
      topology.subjects.recommendationsGenerated,
      `recommend/${config.REPLICA_ID}`,
    ),
    suggester: new GenerateSuggester(generateClient, config.RECOMMEND_MODEL_TIMEOUT_MS),
    weights: () => holder.weights,
    observer: metrics.pipeline,
    newId: randomUUID,
    modelK: config.RECOMMEND_MODEL_K,
    modelSuggestions: config.RECOMMEND_MODEL_SUGGESTIONS,
  });
  server.addService(
    RECOMMEND_SERVICE,
    protos.recommend().RecommendService.service,
    recommendHandlers({ scorer, pipeline, holder, pack }),
  );
  logger.info(
    {
      rulePack: pack.name,
      rules: pack.ruleSet.rules.length,
      weights: holder.weights.version,
      bus: overrides.bus ? 'given' : config.NATS_URL ? 'nats' : 'in-process',
    },
    'recommendation-scorer ready (seed weights until feedback answers)',
  );
  return { holder, feed, pipeline, scorer, pack, bus, topology };
}
