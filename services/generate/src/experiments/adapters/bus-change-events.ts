import { createEvent, type EventBus } from '@ragfleet/events';
import type { ChangeEvents } from '../domain/change-ports.ts';
import type { ExperimentRecord, RolloutRecord } from '../domain/records.ts';

/** Experiments and rollouts are the fleet's: their events carry this tenant. */
const FLEET_TENANT = '*';

interface Logger {
  warn(fields: object, message: string): void;
}

/**
 * experimentEnded / rolloutProgress on the events stream. The id names the record's revision, so
 * a replica that publishes the same change again is stored once. A failed publish is logged,
 * never thrown: the change is already stored.
 */
export class BusChangeEvents implements ChangeEvents {
  readonly #bus: EventBus;
  readonly #subjects: { experimentEnded: string; rolloutProgress: string };
  readonly #logger: Logger;

  constructor(bus: EventBus, subjects: { experimentEnded: string; rolloutProgress: string }, logger: Logger) {
    this.#bus = bus;
    this.#subjects = subjects;
    this.#logger = logger;
  }

  experimentEnded(experiment: ExperimentRecord): Promise<void> {
    return this.#publish(
      this.#subjects.experimentEnded,
      'generate.experiment.ended',
      `experiment:${experiment.id}:${experiment.revision}`,
      {
        id: experiment.id,
        name: experiment.name,
        family: experiment.family,
        state: experiment.state,
        winner: experiment.winner,
        promoted: experiment.variants.find((variant) => variant.name === experiment.winner) ?? null,
        decision: experiment.decision,
        endedAt: experiment.endedAt,
      },
    );
  }

  rolloutProgress(rollout: RolloutRecord): Promise<void> {
    return this.#publish(
      this.#subjects.rolloutProgress,
      'generate.rollout.progress',
      `rollout:${rollout.id}:${rollout.revision}`,
      {
        id: rollout.id,
        family: rollout.family,
        candidate: rollout.candidate,
        state: rollout.state,
        stage: rollout.stage,
        share: rollout.stages[rollout.stage]?.share ?? 0,
        reason: rollout.reason,
      },
    );
  }

  async #publish(subject: string, type: string, id: string, data: object): Promise<void> {
    try {
      await this.#bus.publish(
        subject,
        createEvent({ type, source: 'generate', tenant: FLEET_TENANT, id, data }),
      );
    } catch (error) {
      this.#logger.warn({ err: String(error), event: id }, 'could not publish a change event');
    }
  }
}
