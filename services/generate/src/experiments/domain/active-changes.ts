import { assignmentPoint, inRolloutShare, variantAt, type Caller } from './assignment.ts';
import type { ChangeObserver } from './change-ports.ts';
import {
  experimentBucket,
  rolloutBucket,
  type Assignment,
  type Counters,
  type DefaultOverride,
  type ExperimentRecord,
  type RolloutRecord,
  type RetrievalSettings,
  type RolloutStageSpec,
} from './records.ts';
import type { ExperimentStore } from './store.ts';

/** What the answer path uses for one request: a variant of a running change, if any. */
export interface VariantChoice {
  assignment: Assignment;
  promptVersion?: string;
  model?: string;
  retrieval?: RetrievalSettings;
}

export interface AnswerOutcome {
  error: boolean;
  costUsd: number;
  /** Time to first token. */
  latencyMs: number;
}

interface Snapshot {
  experiments: Map<string, ExperimentRecord>;
  rollouts: Map<string, RolloutRecord>;
  defaults: Record<string, DefaultOverride>;
}

interface Logger {
  warn(fields: object, message: string): void;
}

export interface ActiveChangesOptions {
  store: ExperimentStore;
  /** How long a replica answers from what it read before reading the store again. */
  cacheMs: number;
  assignmentTtlSeconds: number;
  logger: Logger;
  observer?: ChangeObserver;
  /** Monotonic milliseconds. */
  now?: () => number;
}

/**
 * The running experiments and rollouts and the promoted defaults, as this replica last read them
 * (every cacheMs, in the background): choosing a variant costs a hash, never a store round trip.
 * Also the recorder: answers' outcomes and ratings go to the store's counters.
 */
export class ActiveChanges {
  readonly #store: ExperimentStore;
  readonly #options: ActiveChangesOptions;
  readonly #observer: ChangeObserver;
  readonly #now: () => number;
  #snapshot: Snapshot = { experiments: new Map(), rollouts: new Map(), defaults: {} };
  #readAt = Number.NEGATIVE_INFINITY;
  #reading: Promise<void> | undefined;

  constructor(options: ActiveChangesOptions) {
    this.#store = options.store;
    this.#options = options;
    this.#observer = options.observer ?? {};
    this.#now = options.now ?? (() => performance.now());
  }

  /** Reads the store now (at start, and right after this replica changed something). */
  refresh(): Promise<void> {
    this.#reading ??= this.#read().finally(() => {
      this.#reading = undefined;
    });
    return this.#reading;
  }

  async #read(): Promise<void> {
    const [experiments, rollouts, defaults] = await Promise.all([
      this.#store.list('experiment'),
      this.#store.list('rollout'),
      this.#store.defaults(),
    ]);
    this.#snapshot = {
      experiments: new Map(experiments.filter((e) => e.state === 'running').map((e) => [e.family, e])),
      rollouts: new Map(rollouts.filter((r) => r.state === 'running').map((r) => [r.family, r])),
      defaults,
    };
    this.#readAt = this.#now();
  }

  #refreshIfStale(): void {
    if (this.#now() - this.#readAt < this.#options.cacheMs) return;
    this.refresh().catch((error: unknown) => {
      this.#options.logger.warn({ err: String(error) }, 'could not read experiments; keeping the last ones');
    });
  }

  /** The promoted default of a family, if a completed experiment or rollout set one. */
  defaultOf(family: string): DefaultOverride | undefined {
    this.#refreshIfStale();
    return this.#snapshot.defaults[family];
  }

  choose(family: string, caller: Caller): VariantChoice | undefined {
    this.#refreshIfStale();
    const experiment = this.#snapshot.experiments.get(family);
    if (experiment) {
      const variant = variantAt(experiment.variants, assignmentPoint(experiment.id, caller));
      this.#observer.assigned?.(experiment.id, variant.name);
      return {
        assignment: {
          kind: 'experiment',
          ownerId: experiment.id,
          bucket: experimentBucket(experiment.id),
          variant: variant.name,
        },
        ...(variant.promptVersion ? { promptVersion: variant.promptVersion } : {}),
        ...(variant.model ? { model: variant.model } : {}),
        ...(variant.retrieval ? { retrieval: variant.retrieval } : {}),
      };
    }
    const rollout = this.#snapshot.rollouts.get(family);
    if (!rollout) return undefined;
    const stage = rollout.stages[rollout.stage] as RolloutStageSpec;
    if (!inRolloutShare(assignmentPoint(rollout.id, caller), stage.share)) return undefined;
    const candidate = rollout.candidate;
    this.#observer.assigned?.(rollout.id, candidate.name);
    return {
      assignment: {
        kind: 'rollout',
        ownerId: rollout.id,
        bucket: rolloutBucket(rollout.id, rollout.stage),
        variant: candidate.name,
      },
      ...(candidate.promptVersion ? { promptVersion: candidate.promptVersion } : {}),
      ...(candidate.model ? { model: candidate.model } : {}),
      ...(candidate.retrieval ? { retrieval: candidate.retrieval } : {}),
    };
  }

  /** Counts a finished answer for its variant and remembers the assignment for its feedback. */
  async record(answerId: string, assignment: Assignment, outcome: AnswerOutcome): Promise<void> {
    const delta: Partial<Counters> = outcome.error
      ? { answers: 1, errors: 1 }
      : {
          answers: 1,
          costUsd: outcome.costUsd,
          costSq: outcome.costUsd * outcome.costUsd,
          latencyMs: outcome.latencyMs,
          latencySq: outcome.latencyMs * outcome.latencyMs,
        };
    this.#observer.recorded?.(assignment.ownerId, assignment.variant, outcome.error ? 'error' : 'answer');
    await Promise.all([
      this.#store.addCounters(assignment.bucket, assignment.variant, delta),
      this.#store.assign(answerId, assignment, this.#options.assignmentTtlSeconds),
    ]);
  }

  /**
   * Counts a rating of an answer a change chose (once per answer). False: the answer was in no
   * change, its assignment expired, or it was counted already.
   */
  async feedback(answerId: string, up: boolean): Promise<boolean> {
    const assignment = await this.#store.assignment(answerId);
    if (!assignment) return false;
    if (!(await this.#store.firstRating(answerId, this.#options.assignmentTtlSeconds))) return false;
    await this.#store.addCounters(assignment.bucket, assignment.variant, { rated: 1, thumbsUp: up ? 1 : 0 });
    this.#observer.recorded?.(assignment.ownerId, assignment.variant, up ? 'rated_up' : 'rated_down');
    return true;
  }
}
