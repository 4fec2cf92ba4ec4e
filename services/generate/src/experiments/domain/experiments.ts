import { randomUUID } from 'node:crypto';
import { RagfleetError, type FieldProblem } from '@ragfleet/errors';
import type { ChangeEvents, ChangeObserver, Clock, FamilyVersions } from './change-ports.ts';
import { METRIC_RULES, evaluate } from './decision.ts';
import {
  experimentBucket,
  ZERO_COUNTERS,
  type Counters,
  type DecidingMetric,
  type ExperimentRecord,
} from './records.ts';
import { ownerOf, type ExperimentStore } from './store.ts';
import {
  familyBusy,
  familyProblem,
  throwProblems,
  toVariantSpec,
  variantProblems,
  type RawVariant,
} from './variant-input.ts';

export interface CreateExperimentInput {
  name: string;
  family: string;
  variants: RawVariant[];
  metric: DecidingMetric | undefined;
  minSamples: number;
  alpha: number;
  maxSamples: number;
}

export interface VariantResultView {
  variant: string;
  counters: Counters;
  value: number;
  ciLow: number;
  ciHigh: number;
}

export interface ExperimentView {
  record: ExperimentRecord;
  results: VariantResultView[];
}

/** Means need enough samples for the normal approximation of Welch's t to hold. */
const MIN_SAMPLES_FOR_MEANS = 30;

export interface ExperimentsOptions {
  store: ExperimentStore;
  events: ChangeEvents;
  versions: FamilyVersions;
  clock?: Clock;
  observer?: ChangeObserver;
  newId?: () => string;
}

/** Experiments: created, read, stopped, and evaluated at their planned looks (by the controller). */
export class Experiments {
  readonly #store: ExperimentStore;
  readonly #events: ChangeEvents;
  readonly #versions: FamilyVersions;
  readonly #clock: Clock;
  readonly #observer: ChangeObserver;
  readonly #newId: () => string;

  constructor(options: ExperimentsOptions) {
    this.#store = options.store;
    this.#events = options.events;
    this.#versions = options.versions;
    this.#clock = options.clock ?? Date.now;
    this.#observer = options.observer ?? {};
    this.#newId = options.newId ?? (() => `exp-${randomUUID().slice(0, 8)}`);
  }

  async create(input: CreateExperimentInput): Promise<ExperimentView> {
    const family = input.family || 'answer';
    const problems: FieldProblem[] = [];
    if (!input.name.trim()) problems.push({ field: 'name', message: 'must not be empty' });
    const familyIssue = familyProblem(family, this.#versions);
    if (familyIssue) problems.push(familyIssue);
    if (input.variants.length < 2)
      problems.push({ field: 'variants', message: 'needs at least two variants' });
    if (!familyIssue) {
      input.variants.forEach((variant, index) =>
        problems.push(...variantProblems(variant, `variants.${index}`, family, this.#versions)),
      );
    }
    const variants = input.variants.map((variant, index) => toVariantSpec(variant, `v${index + 1}`));
    if (new Set(variants.map((variant) => variant.name)).size !== variants.length) {
      problems.push({ field: 'variants', message: 'variant names must be unique' });
    }
    if (!input.metric) problems.push({ field: 'metric', message: 'name the metric that decides' });
    const minSamples = input.minSamples || 100;
    const meanMetric = input.metric === 'cost_per_answer' || input.metric === 'latency';
    if (meanMetric && minSamples < MIN_SAMPLES_FOR_MEANS) {
      problems.push({
        field: 'min_samples',
        message: `must be at least ${MIN_SAMPLES_FOR_MEANS} for a mean`,
      });
    }
    const alpha = input.alpha || 0.05;
    if (!(alpha > 0 && alpha < 0.5)) problems.push({ field: 'alpha', message: 'must be between 0 and 0.5' });
    if (input.maxSamples !== 0 && input.maxSamples < minSamples) {
      problems.push({ field: 'max_samples', message: 'must be 0 (no limit) or at least min_samples' });
    }
    throwProblems(problems);
    const record: ExperimentRecord = {
      id: this.#newId(),
      revision: 1,
      name: input.name.trim(),
      family,
      variants,
      metric: input.metric as DecidingMetric,
      minSamples,
      alpha,
      maxSamples: input.maxSamples,
      state: 'running',
      looks: 0,
      winner: '',
      decision: '',
      createdAt: new Date(this.#clock()).toISOString(),
      endedAt: '',
    };
    const created = await this.#store.create('experiment', record);
    if ('heldBy' in created) throw familyBusy(family, created.heldBy);
    return { record, results: this.#results(record, {}) };
  }

  async get(id: string): Promise<ExperimentView> {
    const record = await this.#store.get('experiment', id);
    if (!record) throw new RagfleetError('NOT_FOUND', `no experiment "${id}"`, { details: { id } });
    return { record, results: this.#results(record, await this.#store.counters(experimentBucket(id))) };
  }

  async list(): Promise<ExperimentView[]> {
    const records = await this.#store.list('experiment');
    return Promise.all(
      records.map(async (record) => ({
        record,
        results: this.#results(record, await this.#store.counters(experimentBucket(record.id))),
      })),
    );
  }

  /** Ends a running experiment without a winner; a finished one is returned unchanged. */
  async stop(id: string): Promise<ExperimentView> {
    for (;;) {
      const { record } = await this.get(id);
      if (record.state !== 'running') return this.get(id);
      const stopped: ExperimentRecord = {
        ...record,
        state: 'stopped',
        decision: record.decision ? `${record.decision}; stopped by an operator` : 'stopped by an operator',
        endedAt: new Date(this.#clock()).toISOString(),
      };
      if (await this.#end(record, stopped)) return this.get(id);
    }
  }

  /** Evaluates every running experiment whose next planned look is due. */
  async evaluateDue(): Promise<void> {
    for (const record of await this.#store.list('experiment')) {
      if (record.state !== 'running') continue;
      const verdict = evaluate(record, await this.#store.counters(experimentBucket(record.id)));
      if (verdict.kind === 'wait') continue;
      const next: ExperimentRecord = { ...record, looks: verdict.look, decision: verdict.decision };
      if (verdict.kind === 'continue') {
        await this.#store.replace('experiment', next, record.revision);
        continue;
      }
      const now = new Date(this.#clock()).toISOString();
      const ended: ExperimentRecord =
        verdict.kind === 'winner'
          ? { ...next, state: 'completed', winner: verdict.winner, endedAt: now }
          : { ...next, state: 'stopped', endedAt: now };
      await this.#end(record, ended);
    }
  }

  /** Stores the end (CAS), promotes a winner, frees the family and announces it. */
  async #end(before: ExperimentRecord, ended: ExperimentRecord): Promise<boolean> {
    if (!(await this.#store.replace('experiment', ended, before.revision))) return false;
    const winner = ended.variants.find((variant) => variant.name === ended.winner);
    if (ended.state === 'completed' && winner && (winner.promptVersion || winner.model)) {
      await this.#store.setDefault(ended.family, {
        ...(winner.promptVersion ? { promptVersion: winner.promptVersion } : {}),
        ...(winner.model ? { model: winner.model } : {}),
        source: ownerOf('experiment', ended.id),
        at: ended.endedAt,
      });
    }
    await this.#store.releaseFamily(ended.family, ownerOf('experiment', ended.id));
    this.#observer.decided?.({ ...ended, revision: before.revision + 1 });
    await this.#events.experimentEnded({ ...ended, revision: before.revision + 1 });
    return true;
  }

  #results(record: ExperimentRecord, counters: Record<string, Counters>): VariantResultView[] {
    const rule = METRIC_RULES[record.metric];
    return record.variants.map((variant) => {
      const row = counters[variant.name] ?? { ...ZERO_COUNTERS };
      const interval = rule.interval(row, record.alpha);
      return {
        variant: variant.name,
        counters: row,
        value: interval.value,
        ciLow: interval.low,
        ciHigh: interval.high,
      };
    });
  }
}
