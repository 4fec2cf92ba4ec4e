import { counter, histogram, type Logger, type Registry } from '@ragfleet/telemetry';
import type { PipelineObserver } from './domain/ports.ts';
import type { WeightsObserver } from './domain/weights/weights-holder.ts';

/**
 * The scorer's metrics: candidates scored by source, Recommend duration by outcome, model output
 * dropped by reason, weights version changes and refusals, events that could not be published.
 */
export function recommendMetrics(
  registry: Registry,
  logger: Logger,
): { pipeline: PipelineObserver; weights: WeightsObserver } {
  const scored = counter(
    registry,
    'ragfleet_recommend_scored_candidates_total',
    'Candidates scored, by source (rule, model, or a Score request).',
    ['source'],
  );
  const duration = histogram(
    registry,
    'ragfleet_recommend_duration_seconds',
    'From a Recommend call beginning to its last event, by outcome.',
    ['outcome'],
  );
  const dropped = counter(
    registry,
    'ragfleet_recommend_model_output_dropped_total',
    'Model suggestions dropped as invalid, by reason (not_json, wrong_shape, unknown_action).',
    ['reason'],
  );
  const modelFailures = counter(
    registry,
    'ragfleet_recommend_model_failures_total',
    'Recommend runs whose model chain failed (the ai batch carries the error), by code.',
    ['code'],
  );
  const weightsChanges = counter(
    registry,
    'ragfleet_recommend_weights_version_changes_total',
    'Times this replica took another weights version, by how it learned of it (start, event, poll).',
    ['via'],
  );
  const weightsRefused = counter(
    registry,
    'ragfleet_recommend_weights_refused_total',
    'Weights versions refused as invalid (the previous ones kept).',
  );
  const publishFailures = counter(
    registry,
    'ragfleet_recommend_publish_failures_total',
    'recommendations.generated events that could not be published (feedback has the records).',
  );
  return {
    pipeline: {
      scored: (source, count) => scored.inc({ source }, count),
      dropped: (reason) => dropped.inc({ reason }),
      finished: (outcome, seconds) => duration.observe({ outcome }, seconds),
      modelFailed: (code, message) => {
        modelFailures.inc({ code });
        logger.warn({ code, err: message }, 'model suggestions failed; the rule recommendations stand');
      },
      publishFailed: (error, count) => {
        publishFailures.inc(count);
        logger.warn(
          { count, err: error instanceof Error ? error.message : String(error) },
          'recommendations.generated not published',
        );
      },
    },
    weights: {
      changed: (from, to, via) => {
        weightsChanges.inc({ via });
        logger.info({ from, to, via }, 'scoring with a new weights version');
      },
      refused: (version, reason) => {
        weightsRefused.inc();
        logger.warn({ version, err: reason }, 'invalid weights refused; the current ones are kept');
      },
    },
  };
}
