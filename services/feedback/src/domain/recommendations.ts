import { RagfleetError, invalidField, type FieldProblem } from '@ragfleet/errors';
import { isoAt, type Clock } from './clock.ts';
import { invalidFields, notFound } from './feedback-errors.ts';
import type { FeedbackEvents, FeedbackObserver } from './feedback-events.ts';
import type { FeedbackStore, RecommendationQuery } from './feedback-store.ts';
import { checkTransition } from './lifecycle.ts';
import type { PackCatalog } from './pack-catalog.ts';
import type { Recommendation, RecommendationRecord, Stage, StageChange } from './records.ts';
import { addMs, parseTime } from './times.ts';

const DAY_MS = 86_400_000;
/** A write that loses a compare-and-set reads again and retries, this many times. */
const CAS_ATTEMPTS = 5;
const MAX_NOTE_CHARS = 2_000;

export interface LifecycleSettings {
  /** Overrides every pack's outcome.measureAfterDays when set. */
  measureAfterMs?: number | undefined;
}

/**
 * Every recommendation's life: recorded when generated, moved on by callers through the
 * lifecycle table, scheduled for measurement when applied. Each change is stored (with when and
 * who) before it is published.
 */
export class Recommendations {
  private readonly deps: {
    store: FeedbackStore;
    packs: PackCatalog;
    clock: Clock;
    events: FeedbackEvents;
    observer: FeedbackObserver;
    settings: LifecycleSettings;
  };

  constructor(deps: {
    store: FeedbackStore;
    packs: PackCatalog;
    clock: Clock;
    events: FeedbackEvents;
    observer: FeedbackObserver;
    settings: LifecycleSettings;
  }) {
    this.deps = deps;
  }

  /** Stores the new ones (idempotent by id); returns how many were not already recorded. */
  async recordGenerated(tenant: string, recommendations: Recommendation[], actor: string): Promise<number> {
    const problems: FieldProblem[] = [];
    recommendations.forEach((r, i) => problems.push(...recommendationProblems(r, `recommendations.${i}`)));
    if (problems.length > 0) {
      throw invalidFields('Invalid recommendations', problems);
    }
    const { store, clock } = this.deps;
    for (const subjectId of new Set(recommendations.map((r) => r.subjectId))) {
      if (!(await store.getSubject(tenant, subjectId))) throw notFound('subject', subjectId);
    }
    let recorded = 0;
    for (const recommendation of recommendations) {
      const at = isoAt(clock);
      const generatedAt = recommendation.generatedAt
        ? parseTime(recommendation.generatedAt, 'generated_at')
        : at;
      const record: RecommendationRecord = {
        tenant,
        recommendation: { ...recommendation, generatedAt },
        stage: 'generated',
        history: [{ stage: 'generated', at: generatedAt, actor }],
        measureAttempts: 0,
        revision: 1,
      };
      if (await store.insertRecommendation(record)) {
        recorded++;
        this.deps.observer.transitioned('generated');
      }
    }
    return recorded;
  }

  async get(tenant: string, id: string): Promise<RecommendationRecord> {
    if (!id) throw invalidField('id', 'is required');
    const record = await this.deps.store.getRecommendation(tenant, id);
    if (!record) throw notFound('recommendation', id);
    return record;
  }

  list(tenant: string, query: RecommendationQuery): Promise<RecommendationRecord[]> {
    return this.deps.store.listRecommendations(tenant, query);
  }

  /** A caller's move; applying schedules the measurement. Repeating the current stage is a no-op. */
  async transition(
    tenant: string,
    id: string,
    to: Stage,
    actor: string,
    note = '',
  ): Promise<RecommendationRecord> {
    if (note.length > MAX_NOTE_CHARS)
      throw invalidField('note', `must be at most ${MAX_NOTE_CHARS} characters`);
    for (let attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
      const record = await this.get(tenant, id);
      if (checkTransition(record.stage, to, 'caller') === 'same') return record;
      const at = isoAt(this.deps.clock);
      const change: StageChange = { stage: to, at, actor, ...(note ? { note } : {}) };
      const next: RecommendationRecord = { ...record, stage: to, history: [...record.history, change] };
      if (to === 'applied') {
        next.appliedAt = at;
        next.measureDueAt = addMs(at, await this.#measureAfterMs(tenant, record.recommendation.subjectId));
      }
      const stored = await this.deps.store.replaceRecommendation(next, record.revision);
      if (!stored) continue;
      this.deps.observer.transitioned(to);
      await this.deps.events.stageChanged(stored, change);
      return stored;
    }
    throw new RagfleetError('CONFLICT', `Recommendation ${id} kept changing; try again.`, {
      details: { resource: 'recommendation', id },
    });
  }

  async #measureAfterMs(tenant: string, subjectId: string): Promise<number> {
    if (this.deps.settings.measureAfterMs !== undefined) return this.deps.settings.measureAfterMs;
    const subject = await this.deps.store.getSubject(tenant, subjectId);
    const days = subject ? this.deps.packs.get(subject.pack).outcome.measureAfterDays : 7;
    return days * DAY_MS;
  }
}

function recommendationProblems(r: Recommendation, at: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!r.id) problems.push({ field: `${at}.id`, message: 'is required' });
  if (!r.subjectId) problems.push({ field: `${at}.subject_id`, message: 'is required' });
  if (!r.category) problems.push({ field: `${at}.category`, message: 'is required' });
  r.factors.forEach((f, i) => {
    if (!f.name) problems.push({ field: `${at}.factors.${i}.name`, message: 'is required' });
    if (!Number.isFinite(f.value))
      problems.push({ field: `${at}.factors.${i}.value`, message: 'must be finite' });
  });
  if (!Number.isFinite(r.score)) problems.push({ field: `${at}.score`, message: 'must be finite' });
  return problems;
}
