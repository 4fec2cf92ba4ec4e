import type {
  AnswerFeedback,
  RecommendationRecord,
  Snapshot,
  Stage,
  SubjectRecord,
  WeightsVersion,
} from './records.ts';

export interface RecommendationQuery {
  subjectId?: string;
  stage?: Stage;
  /** Newest generated first. */
  limit: number;
}

/**
 * Where feedback keeps everything: one port with one contract suite
 * (feedback-store.contract.ts) so the embedded file store and MongoDB behave alike. Reads and
 * writes name the tenant, except weights (the fleet's) and the measurer's due query (it serves
 * every tenant). Writes that race between replicas are compare-and-set on `revision`.
 */
export interface FeedbackStore {
  open(): Promise<void>;
  close(): Promise<void>;

  /** False when the tenant already has a subject with this id. */
  createSubject(subject: SubjectRecord): Promise<boolean>;
  getSubject(tenant: string, id: string): Promise<SubjectRecord | undefined>;
  /** Newest first. */
  listSubjects(tenant: string, limit: number): Promise<SubjectRecord[]>;
  /**
   * Stores a snapshot of an existing subject (one per observedAt: the same time again replaces
   * it) and returns the subject with its count and latest time updated; undefined if unknown.
   */
  addSnapshot(tenant: string, subjectId: string, snapshot: Snapshot): Promise<SubjectRecord | undefined>;
  latestSnapshot(tenant: string, subjectId: string): Promise<Snapshot | undefined>;
  /** The newest snapshot observed at or before `at` (the state when a recommendation was applied). */
  snapshotAtOrBefore(tenant: string, subjectId: string, at: string): Promise<Snapshot | undefined>;
  /** The newest snapshot observed strictly after `after` (the state since). */
  latestSnapshotAfter(tenant: string, subjectId: string, after: string): Promise<Snapshot | undefined>;

  /** Stores a new record at revision 1; false when the tenant already has that id. */
  insertRecommendation(record: RecommendationRecord): Promise<boolean>;
  getRecommendation(tenant: string, id: string): Promise<RecommendationRecord | undefined>;
  listRecommendations(tenant: string, query: RecommendationQuery): Promise<RecommendationRecord[]>;
  /** Every record of the tenant (the stats fold them). */
  allRecommendations(tenant: string): Promise<RecommendationRecord[]>;
  /**
   * Compare-and-set: writes `record` (with revision expected + 1) only if the stored one still
   * has revision `expected`; returns the stored record, or undefined when another writer won.
   */
  replaceRecommendation(
    record: RecommendationRecord,
    expected: number,
  ): Promise<RecommendationRecord | undefined>;
  /** Applied records of every tenant due at `now` and not claimed past it, earliest due first. */
  dueRecommendations(now: string, limit: number): Promise<RecommendationRecord[]>;
  /** Measured, measurable records of every tenant (what learning fits on), newest measured first. */
  measuredOutcomes(limit: number): Promise<RecommendationRecord[]>;

  /** False when the version name exists. */
  addWeights(version: WeightsVersion): Promise<boolean>;
  /** Makes `version` the only active one; false when it does not exist. */
  activateWeights(version: string): Promise<boolean>;
  getWeights(version: string): Promise<WeightsVersion | undefined>;
  activeWeights(): Promise<WeightsVersion | undefined>;
  /** Newest (highest sequence) first. */
  listWeights(limit: number): Promise<WeightsVersion[]>;

  /** Stores or replaces the (tenant, user, answer) rating; true when it replaced one. */
  putAnswerFeedback(feedback: AnswerFeedback): Promise<boolean>;
  answerFeedbackCounts(tenant: string): Promise<{ up: number; down: number }>;
}
