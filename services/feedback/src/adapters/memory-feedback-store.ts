import type { FeedbackStore, RecommendationQuery } from '../domain/feedback-store.ts';
import type {
  AnswerFeedback,
  RecommendationRecord,
  Snapshot,
  SubjectRecord,
  WeightsVersion,
} from '../domain/records.ts';
import type { JournalEntry } from './journal-entry.ts';

const key = (tenant: string, id: string) => `${tenant}\u0000${id}`;
const copy = <T>(value: T): T => structuredClone(value);

/**
 * The store in process memory (unit tests; the file store builds on it). Every write is checked
 * and applied inside one queue, so a compare-and-set never interleaves with another write, and
 * goes through `persist` first: the file store makes it durable before the state changes.
 */
export class MemoryFeedbackStore implements FeedbackStore {
  readonly #subjects = new Map<string, SubjectRecord>();
  readonly #snapshots = new Map<string, Snapshot[]>();
  readonly #recommendations = new Map<string, RecommendationRecord>();
  readonly #weights = new Map<string, WeightsVersion>();
  readonly #answers = new Map<string, AnswerFeedback>();
  #tail: Promise<unknown> = Promise.resolve();

  async open(): Promise<void> {}

  async close(): Promise<void> {
    await this.#tail;
  }

  /** Makes an entry durable before it is applied; nothing to do in memory. */
  protected async persist(_entry: JournalEntry): Promise<void> {}

  /** Applies one entry to the state: writes here, and the file store's replay on open. */
  protected apply(entry: JournalEntry): void {
    switch (entry.t) {
      case 'subject':
        this.#subjects.set(key(entry.v.tenant, entry.v.id), entry.v);
        return;
      case 'snapshot': {
        const list = this.#snapshots.get(key(entry.tenant, entry.subjectId)) ?? [];
        const kept = list.filter((s) => s.observedAt !== entry.v.observedAt);
        kept.push(entry.v);
        kept.sort((a, b) => Date.parse(a.observedAt) - Date.parse(b.observedAt));
        this.#snapshots.set(key(entry.tenant, entry.subjectId), kept);
        return;
      }
      case 'rec':
        this.#recommendations.set(key(entry.v.tenant, entry.v.recommendation.id), entry.v);
        return;
      case 'weights':
        this.#weights.set(entry.v.version, entry.v);
        return;
      case 'activate':
        for (const [name, version] of this.#weights) {
          this.#weights.set(name, { ...version, active: name === entry.version });
        }
        return;
      case 'answer':
        this.#answers.set(key(entry.v.tenant, entry.v.id), entry.v);
        return;
    }
  }

  /** Every live entry, for the file store's compaction. */
  protected liveEntries(): JournalEntry[] {
    const entries: JournalEntry[] = [];
    for (const v of this.#subjects.values()) entries.push({ t: 'subject', v });
    for (const [k, list] of this.#snapshots) {
      const [tenant = '', subjectId = ''] = k.split('\u0000');
      for (const v of list) entries.push({ t: 'snapshot', tenant, subjectId, v });
    }
    for (const v of this.#recommendations.values()) entries.push({ t: 'rec', v });
    for (const v of this.#weights.values()) entries.push({ t: 'weights', v });
    for (const v of this.#answers.values()) entries.push({ t: 'answer', v });
    return entries;
  }

  #write<T>(decide: () => { entries: JournalEntry[]; result: T }): Promise<T> {
    const done = this.#tail.then(async () => {
      const { entries, result } = decide();
      for (const entry of entries) {
        await this.persist(entry);
        this.apply(entry);
      }
      return result;
    });
    this.#tail = done.catch(() => undefined);
    return done;
  }

  createSubject(subject: SubjectRecord): Promise<boolean> {
    return this.#write(() =>
      this.#subjects.has(key(subject.tenant, subject.id))
        ? { entries: [], result: false }
        : { entries: [{ t: 'subject', v: copy(subject) }], result: true },
    );
  }

  async getSubject(tenant: string, id: string): Promise<SubjectRecord | undefined> {
    const subject = this.#subjects.get(key(tenant, id));
    return subject && copy(subject);
  }

  async listSubjects(tenant: string, limit: number): Promise<SubjectRecord[]> {
    return [...this.#subjects.values()]
      .filter((s) => s.tenant === tenant)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || (a.id < b.id ? 1 : -1))
      .slice(0, limit)
      .map(copy);
  }

  addSnapshot(tenant: string, subjectId: string, snapshot: Snapshot): Promise<SubjectRecord | undefined> {
    return this.#write(() => {
      const subject = this.#subjects.get(key(tenant, subjectId));
      if (!subject) return { entries: [], result: undefined };
      const list = this.#snapshots.get(key(tenant, subjectId)) ?? [];
      const isNew = !list.some((s) => s.observedAt === snapshot.observedAt);
      const latest = list.at(-1)?.observedAt;
      const updated: SubjectRecord = {
        ...subject,
        snapshotCount: subject.snapshotCount + (isNew ? 1 : 0),
        metricsObservedAt:
          latest && Date.parse(latest) > Date.parse(snapshot.observedAt) ? latest : snapshot.observedAt,
      };
      return {
        entries: [
          { t: 'snapshot', tenant, subjectId, v: copy(snapshot) },
          { t: 'subject', v: updated },
        ],
        result: copy(updated),
      };
    });
  }

  async latestSnapshot(tenant: string, subjectId: string): Promise<Snapshot | undefined> {
    const latest = this.#snapshots.get(key(tenant, subjectId))?.at(-1);
    return latest && copy(latest);
  }

  async snapshotAtOrBefore(tenant: string, subjectId: string, at: string): Promise<Snapshot | undefined> {
    const limit = Date.parse(at);
    const found = (this.#snapshots.get(key(tenant, subjectId)) ?? []).findLast(
      (s) => Date.parse(s.observedAt) <= limit,
    );
    return found && copy(found);
  }

  async latestSnapshotAfter(tenant: string, subjectId: string, after: string): Promise<Snapshot | undefined> {
    const latest = this.#snapshots.get(key(tenant, subjectId))?.at(-1);
    return latest && Date.parse(latest.observedAt) > Date.parse(after) ? copy(latest) : undefined;
  }

  insertRecommendation(record: RecommendationRecord): Promise<boolean> {
    return this.#write(() =>
      this.#recommendations.has(key(record.tenant, record.recommendation.id))
        ? { entries: [], result: false }
        : { entries: [{ t: 'rec', v: { ...copy(record), revision: 1 } }], result: true },
    );
  }

  async getRecommendation(tenant: string, id: string): Promise<RecommendationRecord | undefined> {
    const record = this.#recommendations.get(key(tenant, id));
    return record && copy(record);
  }

  async listRecommendations(tenant: string, query: RecommendationQuery): Promise<RecommendationRecord[]> {
    return (await this.allRecommendations(tenant))
      .filter(
        (r) =>
          (!query.subjectId || r.recommendation.subjectId === query.subjectId) &&
          (!query.stage || r.stage === query.stage),
      )
      .sort(newestGeneratedFirst)
      .slice(0, query.limit);
  }

  async allRecommendations(tenant: string): Promise<RecommendationRecord[]> {
    return [...this.#recommendations.values()].filter((r) => r.tenant === tenant).map(copy);
  }

  replaceRecommendation(
    record: RecommendationRecord,
    expected: number,
  ): Promise<RecommendationRecord | undefined> {
    return this.#write(() => {
      const stored = this.#recommendations.get(key(record.tenant, record.recommendation.id));
      if (!stored || stored.revision !== expected) return { entries: [], result: undefined };
      const next = { ...copy(record), revision: expected + 1 };
      return { entries: [{ t: 'rec', v: next }], result: copy(next) };
    });
  }

  async dueRecommendations(now: string, limit: number): Promise<RecommendationRecord[]> {
    const at = Date.parse(now);
    return [...this.#recommendations.values()]
      .filter(
        (r) =>
          r.stage === 'applied' &&
          r.measureDueAt !== undefined &&
          Date.parse(r.measureDueAt) <= at &&
          (r.claimedUntil === undefined || Date.parse(r.claimedUntil) <= at),
      )
      .sort((a, b) => Date.parse(a.measureDueAt ?? '') - Date.parse(b.measureDueAt ?? ''))
      .slice(0, limit)
      .map(copy);
  }

  async measuredOutcomes(limit: number): Promise<RecommendationRecord[]> {
    return [...this.#recommendations.values()]
      .filter((r) => r.stage === 'measured' && r.outcome?.measurable === true)
      .sort((a, b) => (b.outcome?.measuredAt ?? '').localeCompare(a.outcome?.measuredAt ?? ''))
      .slice(0, limit)
      .map(copy);
  }

  addWeights(version: WeightsVersion): Promise<boolean> {
    return this.#write(() =>
      this.#weights.has(version.version)
        ? { entries: [], result: false }
        : { entries: [{ t: 'weights', v: { ...copy(version), active: false } }], result: true },
    );
  }

  activateWeights(version: string): Promise<boolean> {
    return this.#write(() =>
      this.#weights.has(version)
        ? { entries: [{ t: 'activate', version }], result: true }
        : { entries: [], result: false },
    );
  }

  async getWeights(version: string): Promise<WeightsVersion | undefined> {
    const found = this.#weights.get(version);
    return found && copy(found);
  }

  async activeWeights(): Promise<WeightsVersion | undefined> {
    const active = [...this.#weights.values()].find((v) => v.active);
    return active && copy(active);
  }

  async listWeights(limit: number): Promise<WeightsVersion[]> {
    return [...this.#weights.values()]
      .sort((a, b) => b.sequence - a.sequence)
      .slice(0, limit)
      .map(copy);
  }

  putAnswerFeedback(feedback: AnswerFeedback): Promise<boolean> {
    return this.#write(() => ({
      entries: [{ t: 'answer', v: copy(feedback) }],
      result: this.#answers.has(key(feedback.tenant, feedback.id)),
    }));
  }

  async answerFeedbackCounts(tenant: string): Promise<{ up: number; down: number }> {
    let up = 0;
    let down = 0;
    for (const feedback of this.#answers.values()) {
      if (feedback.tenant !== tenant) continue;
      if (feedback.rating === 'up') up++;
      else down++;
    }
    return { up, down };
  }
}

export function newestGeneratedFirst(a: RecommendationRecord, b: RecommendationRecord): number {
  const byTime = Date.parse(b.recommendation.generatedAt) - Date.parse(a.recommendation.generatedAt);
  if (byTime !== 0 && !Number.isNaN(byTime)) return byTime;
  return a.recommendation.id < b.recommendation.id ? 1 : a.recommendation.id > b.recommendation.id ? -1 : 0;
}
