import { RagfleetError } from '@ragfleet/errors';
import {
  FACTOR_NAMES,
  SEED_WEIGHTS,
  parseWeights,
  type FactorName,
} from '@ragfleet/recommend/domain/scoring/index.ts';
import { isoAt, type Clock } from '../clock.ts';
import { notFound } from '../feedback-errors.ts';
import type { FeedbackEvents, FeedbackObserver } from '../feedback-events.ts';
import type { FeedbackStore } from '../feedback-store.ts';
import type { RecommendationRecord, WeightsVersion } from '../records.ts';
import { FIT_METHOD, fitWeights, type FitSettings, type Sample } from './fit-weights.ts';

/** Moves smaller than this are rounding, not learning: the fit reports "unchanged". */
const NO_CHANGE = 1e-9;
/** Two replicas adding a version at once: the loser takes the next sequence number. */
const ADD_ATTEMPTS = 5;

export interface LearningSettings extends FitSettings {
  /** The newest measured outcomes a fit reads. */
  maxOutcomes: number;
}

export interface FitOutcome {
  weights: WeightsVersion;
  changed: boolean;
}

/**
 * The fleet's weights versions: the seed at first start, fitted versions from measured outcomes,
 * rollbacks. Every activation is stored first and published second, so a scorer that reads
 * GetActiveWeights after an event always finds the version the event named.
 */
export class WeightsBook {
  private readonly deps: {
    store: FeedbackStore;
    clock: Clock;
    events: FeedbackEvents;
    observer: FeedbackObserver;
    settings: LearningSettings;
  };

  constructor(deps: {
    store: FeedbackStore;
    clock: Clock;
    events: FeedbackEvents;
    observer: FeedbackObserver;
    settings: LearningSettings;
  }) {
    this.deps = deps;
  }

  /** Stores and activates "seed-1" when no version exists yet; returns the active version. */
  async ensureSeed(): Promise<WeightsVersion> {
    const active = await this.deps.store.activeWeights();
    if (active) {
      this.deps.observer.weightsActive(active);
      return active;
    }
    const seed: WeightsVersion = {
      version: SEED_WEIGHTS.version,
      sequence: 1,
      factors: { ...SEED_WEIGHTS.factors },
      createdAt: isoAt(this.deps.clock),
      origin: 'seed',
      active: true,
    };
    // Another replica may have added it meanwhile: then only activation, if still none is active.
    await this.deps.store.addWeights(seed);
    if (!(await this.deps.store.activeWeights())) return this.#activate(seed);
    return this.active();
  }

  async active(): Promise<WeightsVersion> {
    const active = await this.deps.store.activeWeights();
    if (!active) return this.ensureSeed();
    return active;
  }

  list(limit: number): Promise<WeightsVersion[]> {
    return this.deps.store.listWeights(limit);
  }

  /**
   * Fits from the measured outcomes now. `onlyIfNew` (the periodic fit): skip when the active
   * version was fitted on as many outcomes as exist, since refitting the same data would keep
   * stepping toward the same target and undo the regularization.
   */
  async fit(options: { onlyIfNew?: boolean } = {}): Promise<FitOutcome> {
    const { store, settings, observer } = this.deps;
    const current = await this.active();
    const samples = (await store.measuredOutcomes(settings.maxOutcomes)).flatMap(sampleOf);
    if (samples.length < settings.minOutcomes) {
      observer.fitted('too_few');
      throw new RagfleetError(
        'FAILED_PRECONDITION',
        `Learning needs at least ${settings.minOutcomes} measured outcomes; there are ${samples.length}.`,
        { details: { outcomes: samples.length, minimum: settings.minOutcomes } },
      );
    }
    if (options.onlyIfNew && current.fit?.outcomes === samples.length)
      return { weights: current, changed: false };
    const result = fitWeights(samples, current.factors, settings);
    if (!result || result.maxChange < NO_CHANGE) {
      observer.fitted('unchanged');
      return { weights: current, changed: false };
    }
    const factors = parseWeights({ version: 'fit', factors: result.weights }).factors;
    const activated = await this.#addAndActivate((sequence) => ({
      version: `fit-${sequence}`,
      sequence,
      factors,
      createdAt: isoAt(this.deps.clock),
      origin: 'fit',
      fit: {
        method: FIT_METHOD,
        outcomes: result.outcomes,
        baseVersion: current.version,
        maxChange: result.maxChange,
        errorBefore: result.errorBefore,
        errorAfter: result.errorAfter,
      },
      active: true,
    }));
    observer.fitted('activated');
    return { weights: activated, changed: true };
  }

  /** A new active version with the factors of `version` (origin rollback), published like a fit. */
  async rollback(version: string): Promise<WeightsVersion> {
    const restored = await this.deps.store.getWeights(version);
    if (!restored) throw notFound('weights', version);
    return this.#addAndActivate((sequence) => ({
      version: `rollback-${sequence}`,
      sequence,
      factors: { ...restored.factors },
      createdAt: isoAt(this.deps.clock),
      origin: 'rollback',
      restoredVersion: restored.version,
      active: true,
    }));
  }

  async #addAndActivate(make: (sequence: number) => WeightsVersion): Promise<WeightsVersion> {
    for (let attempt = 0; attempt < ADD_ATTEMPTS; attempt++) {
      const [newest] = await this.deps.store.listWeights(1);
      const version = make((newest?.sequence ?? 0) + 1);
      if (await this.deps.store.addWeights(version)) return this.#activate(version);
    }
    throw new RagfleetError('CONFLICT', 'Weights versions kept being added concurrently; try again.');
  }

  async #activate(version: WeightsVersion): Promise<WeightsVersion> {
    await this.deps.store.activateWeights(version.version);
    const active = { ...version, active: true };
    this.deps.observer.weightsActive(active);
    await this.deps.events.weightsActivated(active);
    return active;
  }
}

/** A measured record as a learning sample; records without all six factor values are left out. */
function sampleOf(record: RecommendationRecord): Sample[] {
  const values = new Map(record.recommendation.factors.map((f) => [f.name, f.value]));
  if (!FACTOR_NAMES.every((name) => values.has(name)) || !record.outcome) return [];
  const factors = Object.fromEntries(FACTOR_NAMES.map((name) => [name, values.get(name) ?? 0])) as Record<
    FactorName,
    number
  >;
  return [{ factors, effectiveness: record.outcome.effectiveness }];
}
