import { counter, gauge, type Registry } from '@ragfleet/telemetry';
import type { FeedbackObserver } from './domain/feedback-events.ts';
import { FACTOR_NAMES } from '@ragfleet/recommend/domain/scoring/index.ts';

/** The feedback service's metrics (ragfleet_feedback_*), fed by the domain's observer calls. */
export function feedbackMetrics(
  registry: Registry,
): FeedbackObserver & { publishFailed(type: string): void } {
  const transitions = counter(
    registry,
    'ragfleet_feedback_transitions_total',
    'Recommendation stage changes, by stage reached.',
    ['to'],
  );
  const measurements = counter(
    registry,
    'ragfleet_feedback_measurements_total',
    'Measurer results: measured, unmeasurable (no snapshot after applying), retry, lost_claim (another replica had it).',
    ['outcome'],
  );
  const fits = counter(
    registry,
    'ragfleet_feedback_fits_total',
    'Weight fits, by outcome (activated, unchanged, too_few).',
    ['outcome'],
  );
  const weight = gauge(registry, 'ragfleet_feedback_active_weight', 'The active weight of each factor.', [
    'factor',
  ]);
  const versionInfo = gauge(
    registry,
    'ragfleet_feedback_weights_version_info',
    'The active weights version (value 1).',
    ['version', 'origin'],
  );
  const answers = counter(
    registry,
    'ragfleet_feedback_answer_feedback_total',
    'Answer ratings, by rating and whether it replaced one.',
    ['rating', 'replaced'],
  );
  const publishFailures = counter(
    registry,
    'ragfleet_feedback_publish_failures_total',
    'Events not published (the change is stored), by type.',
    ['type'],
  );
  for (const to of ['generated', 'shown', 'applied', 'dismissed', 'measured']) transitions.inc({ to }, 0);
  for (const outcome of ['measured', 'unmeasurable', 'retry', 'lost_claim']) measurements.inc({ outcome }, 0);
  for (const outcome of ['activated', 'unchanged', 'too_few']) fits.inc({ outcome }, 0);
  return {
    transitioned: (to) => transitions.inc({ to }),
    measured: (outcome) => measurements.inc({ outcome }),
    fitted: (outcome) => fits.inc({ outcome }),
    weightsActive: (version) => {
      versionInfo.reset();
      versionInfo.set({ version: version.version, origin: version.origin }, 1);
      for (const factor of FACTOR_NAMES) weight.set({ factor }, version.factors[factor]);
    },
    answerFeedback: (rating, replaced) => answers.inc({ rating, replaced: String(replaced) }),
    publishFailed: (type) => publishFailures.inc({ type }),
  };
}
