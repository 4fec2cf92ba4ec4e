import type { Clock } from './clock.ts';
import { measureOutcome } from './effectiveness.ts';
import type { FeedbackEvents, FeedbackObserver } from './feedback-events.ts';
import type { FeedbackStore } from './feedback-store.ts';
import { checkTransition } from './lifecycle.ts';
import type { PackCatalog } from './pack-catalog.ts';
import type { Outcome, RecommendationRecord, StageChange } from './records.ts';
import { addMs } from './times.ts';

/** The measurer acts as the service itself. */
export const MEASURER_ACTOR = 'feedback';

export interface MeasureSettings {
  /** No snapshot after applying yet: look again this much later... */
  retryMs: number;
  /** ...at most this many times, then record the outcome as not measurable. */
  maxAttempts: number;
  /** How long a claim holds; a replica that dies mid-measurement loses it after this. */
  claimMs: number;
  /** Due records taken per run. */
  batch: number;
}

export interface MeasureDeps {
  store: FeedbackStore;
  packs: PackCatalog;
  clock: Clock;
  events: FeedbackEvents;
  observer: FeedbackObserver;
  settings: MeasureSettings;
}

export interface MeasureRun {
  measured: number;
  unmeasurable: number;
  retried: number;
  /** Due records another replica claimed first. */
  skipped: number;
}

/**
 * One pass over the durable schedule: every applied record due by the clock, in every tenant, is
 * claimed with a compare-and-set (so of two replicas only one measures it), compared before and
 * after applying, and written back as measured (or rescheduled) with a second compare-and-set
 * on the claimed revision. The schedule is the store itself, so a restart loses nothing.
 */
export async function measureDue(deps: MeasureDeps): Promise<MeasureRun> {
  const { store, clock, settings } = deps;
  const run: MeasureRun = { measured: 0, unmeasurable: 0, retried: 0, skipped: 0 };
  const now = new Date(clock.now()).toISOString();
  for (const due of await store.dueRecommendations(now, settings.batch)) {
    const claimed = await store.replaceRecommendation(
      { ...due, claimedUntil: addMs(now, settings.claimMs) },
      due.revision,
    );
    if (!claimed) {
      run.skipped++;
      deps.observer.measured('lost_claim');
      continue;
    }
    const result = await measureOne(deps, claimed, now);
    run[result]++;
  }
  return run;
}

async function measureOne(
  deps: MeasureDeps,
  record: RecommendationRecord,
  now: string,
): Promise<'measured' | 'unmeasurable' | 'retried'> {
  const { store, settings } = deps;
  const { tenant } = record;
  const subjectId = record.recommendation.subjectId;
  const appliedAt = record.appliedAt ?? now;
  const subject = await store.getSubject(tenant, subjectId);
  const before = await store.snapshotAtOrBefore(tenant, subjectId, appliedAt);
  const after = await store.latestSnapshotAfter(tenant, subjectId, appliedAt);
  const measurement =
    subject && before && after
      ? measureOutcome(deps.packs.get(subject.pack).outcome, before, after)
      : undefined;
  const attempts = record.measureAttempts + 1;
  if (!measurement && attempts < settings.maxAttempts) {
    const { claimedUntil: _released, ...rest } = record;
    const stored = await store.replaceRecommendation(
      { ...rest, measureAttempts: attempts, measureDueAt: addMs(now, settings.retryMs) },
      record.revision,
    );
    deps.observer.measured(stored ? 'retry' : 'lost_claim');
    return 'retried';
  }
  checkTransition(record.stage, 'measured', 'measurer');
  const outcome: Outcome = measurement
    ? {
        measuredAt: now,
        effectiveness: measurement.effectiveness,
        changes: measurement.changes,
        measurable: true,
      }
    : { measuredAt: now, effectiveness: 0, changes: {}, measurable: false };
  const change: StageChange = { stage: 'measured', at: now, actor: MEASURER_ACTOR };
  const { claimedUntil: _done, ...rest } = record;
  const stored = await store.replaceRecommendation(
    { ...rest, stage: 'measured', measureAttempts: attempts, outcome, history: [...record.history, change] },
    record.revision,
  );
  if (!stored) {
    // Our claim lapsed and another replica took the record: its measurement stands.
    deps.observer.measured('lost_claim');
    return 'retried';
  }
  deps.observer.measured(measurement ? 'measured' : 'unmeasurable');
  await deps.events.stageChanged(stored, change);
  return measurement ? 'measured' : 'unmeasurable';
}
