import { join } from 'node:path';
import { connectEventBus, fleetTopology, type EventBus } from '@ragfleet/events';
import { startPeriodicTask } from '@ragfleet/lifecycle';
import { protos } from '@ragfleet/protos';
import type { ServiceKit } from '@ragfleet/service-host';
import { BusFeedbackEvents } from './adapters/bus-feedback-events.ts';
import { FileFeedbackStore } from './adapters/file-feedback-store.ts';
import { MongoFeedbackStore } from './adapters/mongo-feedback-store.ts';
import type { FeedbackConfig } from './config.ts';
import { AnswerFeedbackBook } from './domain/answer-feedback.ts';
import { systemClock, type Clock } from './domain/clock.ts';
import type { FeedbackStore } from './domain/feedback-store.ts';
import { WeightsBook, type FitOutcome } from './domain/learning/weights-book.ts';
import { measureDue, type MeasureRun } from './domain/measurer.ts';
import { PackCatalog } from './domain/pack-catalog.ts';
import { Recommendations } from './domain/recommendations.ts';
import { Subjects } from './domain/subjects.ts';
import { feedbackMetrics } from './feedback-metrics.ts';
import { feedbackHandlers } from './grpc/feedback-handlers.ts';
import { subjectHandlers } from './grpc/subject-handlers.ts';
import { weightsHandlers } from './grpc/weights-handlers.ts';

export interface ComposeFeedbackOptions {
  /** Tests and in-process whole-loop runs: a fake clock (default: the system clock). */
  clock?: Clock;
  /** A bus of the caller's own (default: NATS_URL's JetStream, or in-process). */
  bus?: EventBus;
}

/**
 * What an in-process test (or a whole-loop run) drives directly, instead of waiting for the
 * periodic tasks: one measurer pass now (with the clock given), one fit now.
 */
export interface ComposedFeedback {
  store: FeedbackStore;
  clock: Clock;
  /** One pass of the measurer over the durable schedule, as the periodic task runs it. */
  measureDueNow(): Promise<MeasureRun>;
  /** Fits weights now, like FitWeights (FAILED_PRECONDITION below the minimum outcomes). */
  fitNow(): Promise<FitOutcome>;
}

function openStore(config: FeedbackConfig): FeedbackStore {
  return config.MONGODB_URI
    ? new MongoFeedbackStore(config.MONGODB_URI)
    : new FileFeedbackStore(join(config.DATA_DIR, 'feedback'));
}

/**
 * The feedback service's composition root: the store by config (MongoDB or the embedded journal
 * under DATA_DIR), the event bus, the domain (subjects, lifecycle, measurer, weights, answer
 * feedback), the periodic measurer and fit, and the three gRPC services on one port.
 */
export async function composeFeedback(
  kit: ServiceKit,
  config: FeedbackConfig,
  options: ComposeFeedbackOptions = {},
): Promise<ComposedFeedback> {
  const { logger, lifecycle } = kit;
  const clock = options.clock ?? systemClock;
  const store = openStore(config);
  await store.open();
  let bus: EventBus;
  try {
    bus =
      options.bus ??
      (await connectEventBus({
        natsUrl: config.NATS_URL,
        streams: [fleetTopology(config.NATS_NAMESPACE).streams.events],
        logger,
        name: 'feedback',
      }));
  } catch (error) {
    await store.close();
    throw error;
  }
  // Shutdown hooks run in reverse: the tasks stop first, then the bus, then the store.
  lifecycle.onShutdown('feedback store', () => store.close());
  if (!options.bus) lifecycle.onShutdown('feedback event bus', () => bus.close());

  const observer = feedbackMetrics(kit.registry);
  const events = new BusFeedbackEvents(bus, config.NATS_NAMESPACE, logger, observer.publishFailed);
  const packs = new PackCatalog();
  const subjects = new Subjects(store, packs, clock);
  const recommendations = new Recommendations({
    store,
    packs,
    clock,
    events,
    observer,
    settings: { measureAfterMs: config.FEEDBACK_MEASURE_AFTER_MS },
  });
  const answers = new AnswerFeedbackBook({ store, clock, events, observer });
  const weights = new WeightsBook({
    store,
    clock,
    events,
    observer,
    settings: {
      ridgeLambda: config.FEEDBACK_LEARNING_RIDGE_LAMBDA,
      priorStrength: config.FEEDBACK_LEARNING_PRIOR_STRENGTH,
      maxStep: config.FEEDBACK_LEARNING_MAX_STEP,
      minOutcomes: config.FEEDBACK_LEARNING_MIN_OUTCOMES,
      maxOutcomes: config.FEEDBACK_LEARNING_MAX_OUTCOMES,
    },
  });
  await weights.ensureSeed();

  const measureDueNow = () =>
    measureDue({
      store,
      packs,
      clock,
      events,
      observer,
      settings: {
        retryMs: config.FEEDBACK_MEASURE_RETRY_MS,
        maxAttempts: config.FEEDBACK_MEASURE_MAX_ATTEMPTS,
        claimMs: config.FEEDBACK_MEASURE_CLAIM_MS,
        batch: config.FEEDBACK_MEASURE_BATCH,
      },
    });
  const measuring = startPeriodicTask(
    'feedback measurer',
    config.FEEDBACK_MEASURE_INTERVAL_MS,
    async () => {
      const run = await measureDueNow();
      if (run.measured + run.unmeasurable + run.retried > 0) logger.info(run, 'due measurements run');
    },
    logger,
  );
  lifecycle.onShutdown('feedback measurer', () => measuring.stop());
  const fitting = startPeriodicTask(
    'feedback fit',
    config.FEEDBACK_FIT_INTERVAL_MS,
    async () => {
      const fit = await weights.fit({ onlyIfNew: true }).catch((error: unknown) => {
        // Too few outcomes yet is the normal state of a young fleet, not a failure.
        if ((error as { code?: string }).code === 'FAILED_PRECONDITION') return undefined;
        throw error;
      });
      if (fit?.changed) logger.info({ version: fit.weights.version }, 'weights fitted and activated');
    },
    logger,
  );
  lifecycle.onShutdown('feedback fit', () => fitting.stop());

  const feedback = protos.feedback();
  kit.server.addService(
    'ragfleet.feedback.v1.SubjectService',
    feedback.SubjectService.service,
    subjectHandlers(subjects),
  );
  kit.server.addService(
    'ragfleet.feedback.v1.FeedbackService',
    feedback.FeedbackService.service,
    feedbackHandlers({ recommendations, answers, store }),
  );
  kit.server.addService(
    'ragfleet.feedback.v1.WeightsService',
    feedback.WeightsService.service,
    weightsHandlers(weights),
  );
  logger.info(
    {
      store: config.MONGODB_URI ? 'mongodb' : join(config.DATA_DIR, 'feedback'),
      events: config.NATS_URL ? 'nats' : 'in-process',
    },
    'feedback ready',
  );
  return { store, clock, measureDueNow, fitNow: () => weights.fit() };
}

/** hostService's compose (main.ts): the system clock, the configured bus. */
export async function compose(kit: ServiceKit, config: FeedbackConfig): Promise<void> {
  await composeFeedback(kit, config);
}
