import { hostname } from 'node:os';
import { join } from 'node:path';
import type { EventBus } from '@ragfleet/events';
import { RetrieveClient } from '@ragfleet/grpc';
import { startPeriodicTask } from '@ragfleet/lifecycle';
import { protos } from '@ragfleet/protos';
import type { ServiceKit } from '@ragfleet/service-host';
import { connectRedis } from '../adapters/redis-client.ts';
import type { GenerateConfig } from '../config.ts';
import { BusChangeEvents } from './adapters/bus-change-events.ts';
import { changeMetrics } from './adapters/change-metrics.ts';
import { consumeAnswerFeedback } from './adapters/feedback-consumer.ts';
import { FileExperimentStore } from './adapters/file-experiment-store.ts';
import { readLabelledSet } from './adapters/labelled-set-file.ts';
import { describePromptFamily } from './adapters/prompt-catalog.ts';
import { RedisExperimentStore } from './adapters/redis-experiment-store.ts';
import { retrieveRankedDocuments } from './adapters/retrieve-ranked-documents.ts';
import { ActiveChanges } from './domain/active-changes.ts';
import { Experiments } from './domain/experiments.ts';
import { PromptRegistry, type PromptFamilyInfo } from './domain/prompt-registry.ts';
import { labelledRecall, type RecallProbe } from './domain/recall.ts';
import { Rollouts } from './domain/rollouts.ts';
import type { ExperimentStore } from './domain/store.ts';
import { ANSWER_FAMILY, variantAnswers, type PipelineAnswer } from './domain/variant-answers.ts';
import {
  experimentHandlers,
  promptHandlers,
  rolloutHandlers,
  shadowOff,
  type ShadowReport,
} from './grpc/change-handlers.ts';

interface Topology {
  subjects: { experimentEnded: string; rolloutProgress: string; answerFeedback: string };
  durables: { experimentFeedback: string };
}

export interface ExperimentsDependencies {
  bus: EventBus;
  topology: Topology;
  /** Other families to list (panel-*): name, folder under prompts/, configured default. */
  extraFamilies?: PromptFamilyInfo[];
  shadowReport?: ShadowReport;
  clock?: () => number;
  /** Replaces the labelled-set probe built from ROLLOUT_LABELLED_SET (tests). */
  recall?: RecallProbe;
}

async function storeFromConfig(config: GenerateConfig): Promise<ExperimentStore> {
  if (config.REDIS_URL)
    return new RedisExperimentStore(await connectRedis(config.REDIS_URL), config.EXPERIMENTS_PREFIX);
  return new FileExperimentStore(join(config.DATA_DIR, 'generate', 'experiments.json'));
}

/**
 * The recall guard of retrieval candidates: retrieve's Search (this service's transport, on behalf
 * of the set's tenant) over ROLLOUT_LABELLED_SET; none when no set is configured.
 */
async function recallFromConfig(
  { transport, registry, lifecycle }: ServiceKit,
  config: GenerateConfig,
): Promise<RecallProbe | undefined> {
  if (!config.ROLLOUT_LABELLED_SET) return undefined;
  const set = await readLabelledSet(config.ROLLOUT_LABELLED_SET);
  const client = new RetrieveClient(config.RETRIEVE_ADDR, { transport, registry });
  lifecycle.onShutdown('recall probe retrieve client', async () => client.close());
  return labelledRecall(
    set,
    retrieveRankedDocuments(client, set.tenant, config.GENERATE_TOP_K, config.ROLLOUT_RECALL_TIMEOUT_MS),
  );
}

/**
 * Prompts, experiments and rollouts: the store, the replica's cached view of what runs, the three
 * gRPC services, the controller (one replica acts, by lease) and the feedback consumer. Returns
 * the variant hook the answer path runs through.
 */
export async function composeExperiments(
  kit: ServiceKit,
  config: GenerateConfig,
  {
    bus,
    topology,
    extraFamilies = [],
    shadowReport = shadowOff,
    clock = Date.now,
    ...dependencies
  }: ExperimentsDependencies,
) {
  const { server, registry, lifecycle, logger } = kit;
  const recall = dependencies.recall ?? (await recallFromConfig(kit, config));
  const store = await storeFromConfig(config);
  lifecycle.onShutdown('experiment store', () => store.close());
  const observer = changeMetrics(registry);
  const changes = new ActiveChanges({
    store,
    cacheMs: config.EXPERIMENTS_CACHE_MS,
    assignmentTtlSeconds: config.EXPERIMENTS_ASSIGNMENT_TTL_SECONDS,
    logger,
    observer,
  });
  await changes.refresh();
  const families = [
    describePromptFamily(ANSWER_FAMILY, 'rag-answer', config.PROMPT_VERSION),
    describePromptFamily('session-summary', 'session-summary', config.SUMMARY_PROMPT_VERSION),
    describePromptFamily('recommend-suggest', 'recommend-suggest', config.SUGGEST_PROMPT_VERSION),
    ...extraFamilies,
  ];
  const prompts = new PromptRegistry(families, (family) => changes.defaultOf(family));
  const events = new BusChangeEvents(bus, topology.subjects, logger);
  const experiments = new Experiments({ store, events, versions: prompts.versions, clock, observer });
  const rollouts = new Rollouts({
    store,
    events,
    versions: prompts.versions,
    clock,
    observer,
    ...(recall ? { recall } : {}),
    defaults: {
      stages: config.ROLLOUT_STAGES.map((share) => ({
        share,
        holdSeconds: config.ROLLOUT_HOLD_SECONDS,
        holdAnswers: config.ROLLOUT_HOLD_ANSWERS,
      })),
      maxErrorRate: config.ROLLOUT_MAX_ERROR_RATE,
      minQuality: config.ROLLOUT_MIN_QUALITY,
      minRated: config.ROLLOUT_MIN_RATED,
      guardMinAnswers: config.ROLLOUT_GUARD_MIN_ANSWERS,
      minRecall: config.ROLLOUT_MIN_RECALL,
    },
  });
  const changed = () => changes.refresh();
  const service = protos.generate();
  server.addService(
    'ragfleet.generate.v1.PromptService',
    service.PromptService.service,
    promptHandlers(prompts),
  );
  server.addService(
    'ragfleet.generate.v1.ExperimentService',
    service.ExperimentService.service,
    experimentHandlers(experiments, changed, shadowReport),
  );
  server.addService(
    'ragfleet.generate.v1.RolloutService',
    service.RolloutService.service,
    rolloutHandlers(rollouts, changed),
  );

  // One replica evaluates and steps at a time: the lease outlives a missed tick or two.
  const holder = `${hostname()}:${process.pid}`;
  const controller = startPeriodicTask(
    'experiments controller',
    config.EXPERIMENTS_CONTROLLER_INTERVAL_MS,
    async () => {
      if (!(await store.claimLease('controller', holder, config.EXPERIMENTS_CONTROLLER_INTERVAL_MS * 3)))
        return;
      await experiments.evaluateDue();
      await rollouts.step();
      await changes.refresh();
    },
    logger,
  );
  lifecycle.onShutdown('experiments controller', () => controller.stop());
  const feedback = await consumeAnswerFeedback(
    bus,
    topology.subjects.answerFeedback,
    topology.durables.experimentFeedback,
    changes,
  );
  lifecycle.onShutdown('experiment feedback consumer', () => feedback.stop());

  return {
    /** Wraps the pipeline's answer with the variant hook. */
    hook: (answer: PipelineAnswer) => variantAnswers(answer, changes, logger),
    experiments,
    rollouts,
    changes,
  };
}
