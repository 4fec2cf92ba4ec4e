import { Counter, Gauge, type Registry } from '@ragfleet/telemetry';
import type { ChangeObserver } from '../domain/change-ports.ts';

/** ragfleet_generate_experiment_* and ragfleet_generate_rollout_*. */
export function changeMetrics(registry: Registry): ChangeObserver {
  const assignments = new Counter({
    name: 'ragfleet_generate_experiment_assignments_total',
    help: 'Answers given a variant by an experiment or a rollout.',
    labelNames: ['experiment', 'variant'],
    registers: [registry],
  });
  const results = new Counter({
    name: 'ragfleet_generate_experiment_results_total',
    help: 'Outcomes counted for variants: answer, error, rated_up, rated_down.',
    labelNames: ['experiment', 'variant', 'outcome'],
    registers: [registry],
  });
  const decisions = new Counter({
    name: 'ragfleet_generate_experiment_decisions_total',
    help: 'Experiments ended: completed (a winner promoted) or stopped.',
    labelNames: ['family', 'state'],
    registers: [registry],
  });
  const stage = new Gauge({
    name: 'ragfleet_generate_rollout_stage_share',
    help: "The candidate's share of traffic of a running rollout (0 once it has ended).",
    labelNames: ['rollout', 'family'],
    registers: [registry],
  });
  const rollbacks = new Counter({
    name: 'ragfleet_generate_rollout_rollbacks_total',
    help: 'Rollouts rolled back, by reason: error_rate, quality, aborted.',
    labelNames: ['family', 'reason'],
    registers: [registry],
  });
  return {
    assigned: (experiment, variant) => assignments.inc({ experiment, variant }),
    recorded: (experiment, variant, outcome) => results.inc({ experiment, variant, outcome }),
    decided: (experiment) => decisions.inc({ family: experiment.family, state: experiment.state }),
    rolloutChanged: (rollout) => {
      const running = rollout.state === 'running';
      stage.set(
        { rollout: rollout.id, family: rollout.family },
        running ? (rollout.stages[rollout.stage]?.share ?? 0) : 0,
      );
      if (rollout.state === 'rolled_back') {
        const reason = rollout.reason.startsWith('error rate')
          ? 'error_rate'
          : rollout.reason.startsWith('quality')
            ? 'quality'
            : 'aborted';
        rollbacks.inc({ family: rollout.family, reason });
      }
    },
  };
}
