import { randomUUID } from 'node:crypto';
import { RagfleetError, type FieldProblem } from '@ragfleet/errors';
import type { ChangeEvents, ChangeObserver, Clock, FamilyVersions } from './change-ports.ts';
import {
  rolloutBucket,
  ZERO_COUNTERS,
  type Counters,
  type RolloutRecord,
  type RolloutStageSpec,
} from './records.ts';
import type { RecallProbe } from './recall.ts';
import { ownerOf, type ExperimentStore } from './store.ts';
import {
  changesSomething,
  familyBusy,
  familyProblem,
  throwProblems,
  toVariantSpec,
  variantProblems,
  type RawVariant,
} from './variant-input.ts';

/** The service's rollout defaults (config). */
export interface RolloutDefaults {
  stages: RolloutStageSpec[];
  maxErrorRate: number;
  minQuality: number;
  minRated: number;
  /** Answers of a stage before its error rate can roll it back early (at its end it always counts). */
  guardMinAnswers: number;
  /** A retrieval candidate's recall@5 floor. */
  minRecall: number;
}

export interface CreateRolloutInput {
  family: string;
  candidate: RawVariant | undefined;
  stages: RolloutStageSpec[];
  maxErrorRate: number;
  minQuality: number;
  minRated: number;
  /** 0 or absent: the default floor; only for a candidate with retrieval settings. */
  minRecall?: number;
}

export interface RolloutView {
  record: RolloutRecord;
  current: Counters;
}

export interface RolloutsOptions {
  store: ExperimentStore;
  events: ChangeEvents;
  versions: FamilyVersions;
  defaults: RolloutDefaults;
  clock?: Clock;
  observer?: ChangeObserver;
  newId?: () => string;
  /** recall@5 on the labelled set; absent (no set configured): retrieval candidates are refused. */
  recall?: RecallProbe;
}

const percent = (value: number) => `${(value * 100).toFixed(1)} %`;
const recallText = (recall: number, floor: number) =>
  `recall@5 ${recall.toFixed(2)} below ${floor.toFixed(2)}`;

/**
 * Progressive rollouts: a candidate's share grows stage by stage while its guards hold, and is
 * rolled back (with the reason) the moment one fails. `step` is the controller's one pass.
 */
export class Rollouts {
  readonly #store: ExperimentStore;
  readonly #events: ChangeEvents;
  readonly #versions: FamilyVersions;
  readonly #defaults: RolloutDefaults;
  readonly #clock: Clock;
  readonly #observer: ChangeObserver;
  readonly #newId: () => string;
  readonly #recall: RecallProbe | undefined;

  constructor(options: RolloutsOptions) {
    this.#store = options.store;
    this.#events = options.events;
    this.#versions = options.versions;
    this.#defaults = options.defaults;
    this.#clock = options.clock ?? Date.now;
    this.#observer = options.observer ?? {};
    this.#newId = options.newId ?? (() => `roll-${randomUUID().slice(0, 8)}`);
    this.#recall = options.recall;
  }

  async create(input: CreateRolloutInput): Promise<RolloutView> {
    const family = input.family || 'answer';
    const problems: FieldProblem[] = [];
    const familyIssue = familyProblem(family, this.#versions);
    if (familyIssue) problems.push(familyIssue);
    if (!input.candidate || !changesSomething(input.candidate)) {
      problems.push({
        field: 'candidate',
        message: 'name a prompt version, a model and/or retrieval settings',
      });
    } else if (!familyIssue) {
      problems.push(...variantProblems(input.candidate, 'candidate', family, this.#versions));
    }
    const stages = input.stages.length > 0 ? input.stages : this.#defaults.stages;
    stages.forEach((stage, index) => {
      const previous = index === 0 ? 0 : (stages[index - 1] as RolloutStageSpec).share;
      if (!(stage.share > previous && stage.share <= 1)) {
        problems.push({ field: `stages.${index}.share`, message: 'shares must grow, each in (0, 1]' });
      }
    });
    if ((stages[stages.length - 1]?.share ?? 0) !== 1) {
      problems.push({
        field: 'stages',
        message: 'the last stage must give the candidate all traffic (share 1)',
      });
    }
    const maxErrorRate = input.maxErrorRate || this.#defaults.maxErrorRate;
    const minQuality = input.minQuality || this.#defaults.minQuality;
    if (!(maxErrorRate > 0 && maxErrorRate < 1))
      problems.push({ field: 'max_error_rate', message: 'must be in (0, 1)' });
    if (!(minQuality >= 0 && minQuality <= 1))
      problems.push({ field: 'min_quality', message: 'must be in [0, 1]' });
    const candidate = { ...toVariantSpec(input.candidate as RawVariant, 'candidate'), name: 'candidate' };
    const minRecall = candidate.retrieval ? input.minRecall || this.#defaults.minRecall : 0;
    if (!candidate.retrieval && input.minRecall) {
      problems.push({ field: 'min_recall', message: 'only for a candidate with retrieval settings' });
    } else if (!(minRecall >= 0 && minRecall <= 1)) {
      problems.push({ field: 'min_recall', message: 'must be in [0, 1]' });
    }
    throwProblems(problems);
    if (candidate.retrieval && !this.#recall) {
      throw new RagfleetError(
        'FAILED_PRECONDITION',
        'a retrieval candidate needs a labelled set to measure recall@5 on (ROLLOUT_LABELLED_SET)',
        { details: { field: 'candidate.retrieval' } },
      );
    }
    // Measured before anything is stored: a probe that cannot reach retrieve refuses the rollout.
    const recallAt5 = candidate.retrieval ? await this.#recall?.measure(candidate.retrieval) : undefined;
    const now = new Date(this.#clock()).toISOString();
    const record: RolloutRecord = {
      id: this.#newId(),
      revision: 1,
      family,
      candidate,
      stages,
      stage: 0,
      state: 'running',
      maxErrorRate,
      minQuality,
      minRated: input.minRated || this.#defaults.minRated,
      ...(candidate.retrieval ? { minRecall } : {}),
      ...(recallAt5 === undefined ? {} : { recallAt5 }),
      reason: '',
      createdAt: now,
      stageStartedAt: now,
      endedAt: '',
    };
    const created = await this.#store.create('rollout', record);
    if ('heldBy' in created) throw familyBusy(family, created.heldBy);
    this.#observer.rolloutChanged?.(record);
    await this.#events.rolloutProgress(record);
    if (recallAt5 !== undefined && recallAt5 < minRecall) {
      await this.#finish(record, 'rolled_back', recallText(recallAt5, minRecall));
      return this.get(record.id);
    }
    return { record, current: { ...ZERO_COUNTERS } };
  }

  async get(id: string): Promise<RolloutView> {
    const record = await this.#store.get('rollout', id);
    if (!record) throw new RagfleetError('NOT_FOUND', `no rollout "${id}"`, { details: { id } });
    return { record, current: await this.#current(record) };
  }

  async list(): Promise<RolloutView[]> {
    const records = await this.#store.list('rollout');
    return Promise.all(records.map(async (record) => ({ record, current: await this.#current(record) })));
  }

  /** Rolls a running rollout back at once ("aborted"); a finished one is returned unchanged. */
  async abort(id: string): Promise<RolloutView> {
    for (;;) {
      const { record } = await this.get(id);
      if (record.state !== 'running') return this.get(id);
      if (await this.#finish(record, 'rolled_back', 'aborted')) return this.get(id);
    }
  }

  /** One controller pass over every running rollout: guard, then advance or complete. */
  async step(): Promise<void> {
    for (const record of await this.#store.list('rollout')) {
      if (record.state === 'running') await this.#stepOne(record);
    }
  }

  async #stepOne(record: RolloutRecord): Promise<void> {
    const counters = await this.#current(record);
    const stage = record.stages[record.stage] as RolloutStageSpec;
    const heldMs = this.#clock() - Date.parse(record.stageStartedAt);
    const stageOver = heldMs >= stage.holdSeconds * 1000 && counters.answers >= stage.holdAnswers;
    const failure = this.#guardFailure(record, counters, stageOver);
    if (failure) {
      await this.#finish(record, 'rolled_back', failure);
      return;
    }
    if (!stageOver) return;
    const recall = await this.#recallBeforeAdvance(record);
    if (recall === 'hold') return;
    if (recall !== undefined && recall < (record.minRecall ?? 0)) {
      await this.#finish(record, 'rolled_back', recallText(recall, record.minRecall ?? 0), {
        recallAt5: recall,
      });
      return;
    }
    const measured = recall === undefined ? {} : { recallAt5: recall };
    if (record.stage === record.stages.length - 1) {
      await this.#finish(
        record,
        'completed',
        `held ${percent(stage.share)} with its guards: promoted`,
        measured,
      );
      return;
    }
    const advanced: RolloutRecord = {
      ...record,
      ...measured,
      stage: record.stage + 1,
      stageStartedAt: new Date(this.#clock()).toISOString(),
      reason: `stage ${record.stage + 1} held (${counters.answers} answers, ${counters.errors} errors): now ${percent((record.stages[record.stage + 1] as RolloutStageSpec).share)}`,
    };
    if (await this.#store.replace('rollout', advanced, record.revision)) {
      const stored = { ...advanced, revision: record.revision + 1 };
      this.#observer.rolloutChanged?.(stored);
      await this.#events.rolloutProgress(stored);
    }
  }

  /**
   * recall@5 of a retrieval candidate, measured again before it gets more traffic; undefined for
   * a candidate without retrieval settings; 'hold' when it could not be measured (retrieve down):
   * the stage is held, never advanced on an unchecked guard, and the next pass tries again.
   */
  async #recallBeforeAdvance(record: RolloutRecord): Promise<number | undefined | 'hold'> {
    const retrieval = record.candidate.retrieval;
    if (!retrieval || !record.minRecall) return undefined;
    try {
      if (!this.#recall) throw new Error('no labelled set configured (ROLLOUT_LABELLED_SET)');
      return await this.#recall.measure(retrieval);
    } catch (error) {
      const reason = `recall@5 not measured (${(error as Error).message}): holding stage ${record.stage + 1}`;
      if (record.reason !== reason)
        await this.#store.replace('rollout', { ...record, reason }, record.revision);
      return 'hold';
    }
  }

  #guardFailure(record: RolloutRecord, counters: Counters, stageOver: boolean): string | undefined {
    const errorRate = counters.answers === 0 ? 0 : counters.errors / counters.answers;
    const errorsCount = stageOver || counters.answers >= this.#defaults.guardMinAnswers;
    if (errorsCount && errorRate > record.maxErrorRate) {
      return `error rate ${percent(errorRate)} (${counters.errors} of ${counters.answers}) over ${percent(record.maxErrorRate)}`;
    }
    if (counters.rated >= record.minRated) {
      const quality = counters.thumbsUp / counters.rated;
      if (quality < record.minQuality) {
        return `quality ${percent(quality)} thumbs up (${counters.thumbsUp} of ${counters.rated} rated) under ${percent(record.minQuality)}`;
      }
    }
    return undefined;
  }

  async #finish(
    record: RolloutRecord,
    state: 'completed' | 'rolled_back',
    reason: string,
    measured: Pick<RolloutRecord, 'recallAt5'> = {},
  ): Promise<boolean> {
    const ended: RolloutRecord = {
      ...record,
      ...measured,
      state,
      reason,
      endedAt: new Date(this.#clock()).toISOString(),
    };
    if (!(await this.#store.replace('rollout', ended, record.revision))) return false;
    if (state === 'completed') {
      await this.#store.setDefault(record.family, {
        ...(record.candidate.promptVersion ? { promptVersion: record.candidate.promptVersion } : {}),
        ...(record.candidate.model ? { model: record.candidate.model } : {}),
        ...(record.candidate.retrieval ? { retrieval: record.candidate.retrieval } : {}),
        source: ownerOf('rollout', record.id),
        at: ended.endedAt,
      });
    }
    await this.#store.releaseFamily(record.family, ownerOf('rollout', record.id));
    const stored = { ...ended, revision: record.revision + 1 };
    this.#observer.rolloutChanged?.(stored);
    await this.#events.rolloutProgress(stored);
    return true;
  }

  async #current(record: RolloutRecord): Promise<Counters> {
    const counters = await this.#store.counters(rolloutBucket(record.id, record.stage));
    return counters.candidate ?? { ...ZERO_COUNTERS };
  }
}
