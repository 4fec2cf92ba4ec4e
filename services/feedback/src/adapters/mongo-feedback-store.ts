import mongoose, { type Connection } from 'mongoose';
import type { FeedbackStore, RecommendationQuery } from '../domain/feedback-store.ts';
import type {
  AnswerFeedback,
  RecommendationRecord,
  Snapshot,
  SubjectRecord,
  WeightsVersion,
} from '../domain/records.ts';

// Documents are the domain records as they are, keyed by `_id` (tenant and id).
interface Doc extends mongoose.mongo.Document {
  _id: string;
}
type Collection = mongoose.mongo.Collection<Doc>;

const DUPLICATE_KEY = 11000;
const NO_ID = { projection: { _id: 0 } } as const;
const key = (tenant: string, id: string) => `${tenant}\u0000${id}`;
const isDuplicate = (error: unknown) => (error as { code?: number }).code === DUPLICATE_KEY;

/**
 * The store on MongoDB (MONGODB_URI), shared by every feedback replica: collections
 * feedback_subjects, feedback_snapshots, feedback_recommendations, feedback_weights and
 * feedback_answers, each document keyed by tenant and id in `_id`. Inserts rely on the unique
 * `_id`; compare-and-set is a findOneAndUpdate filtered on the expected revision, which is what
 * keeps two replicas' measurers from measuring one record twice.
 */
export class MongoFeedbackStore implements FeedbackStore {
  readonly #uri: string;
  readonly #dbName: string | undefined;
  #connection: Connection | undefined;

  constructor(uri: string, options: { dbName?: string } = {}) {
    this.#uri = uri;
    this.#dbName = options.dbName;
  }

  async open(): Promise<void> {
    this.#connection = await mongoose
      .createConnection(this.#uri, { serverSelectionTimeoutMS: 10_000, dbName: this.#dbName })
      .asPromise();
    await this.#c('subjects').createIndex({ tenant: 1, createdAt: -1 });
    await this.#c('snapshots').createIndex({ tenant: 1, subjectId: 1, observedMs: 1 });
    await this.#c('recommendations').createIndex({ tenant: 1, 'recommendation.generatedAt': -1 });
    await this.#c('recommendations').createIndex({ stage: 1, measureDueMs: 1 });
    await this.#c('weights').createIndex({ sequence: -1 });
    await this.#c('answers').createIndex({ tenant: 1 });
  }

  async close(): Promise<void> {
    await this.#connection?.close();
    this.#connection = undefined;
  }

  /** Tests only: removes the whole test database. */
  async dropDatabase(): Promise<void> {
    await this.#connection?.dropDatabase();
  }

  #c(name: string): Collection {
    const db = this.#connection?.db;
    if (!db) throw new Error('MongoFeedbackStore: open() first');
    return db.collection<Doc>(`feedback_${name}`);
  }

  async #insert(collection: string, doc: Doc): Promise<boolean> {
    try {
      await this.#c(collection).insertOne(doc);
      return true;
    } catch (error) {
      if (isDuplicate(error)) return false;
      throw error;
    }
  }

  createSubject(subject: SubjectRecord): Promise<boolean> {
    return this.#insert('subjects', { _id: key(subject.tenant, subject.id), ...subject });
  }

  async getSubject(tenant: string, id: string): Promise<SubjectRecord | undefined> {
    return ((await this.#c('subjects').findOne({ _id: key(tenant, id) }, NO_ID)) ?? undefined) as
      SubjectRecord | undefined;
  }

  async listSubjects(tenant: string, limit: number): Promise<SubjectRecord[]> {
    return (await this.#c('subjects')
      .find({ tenant }, NO_ID)
      .sort({ createdAt: -1, id: -1 })
      .limit(limit)
      .toArray()) as unknown as SubjectRecord[];
  }

  async addSnapshot(
    tenant: string,
    subjectId: string,
    snapshot: Snapshot,
  ): Promise<SubjectRecord | undefined> {
    if (!(await this.getSubject(tenant, subjectId))) return undefined;
    const observedMs = Date.parse(snapshot.observedAt);
    const result = await this.#c('snapshots').replaceOne(
      { _id: key(tenant, `${subjectId}\u0000${snapshot.observedAt}`) },
      { tenant, subjectId, observedMs, ...snapshot },
      { upsert: true },
    );
    const latest = await this.latestSnapshot(tenant, subjectId);
    await this.#c('subjects').updateOne(
      { _id: key(tenant, subjectId) },
      {
        $inc: { snapshotCount: result.upsertedCount },
        $set: { metricsObservedAt: latest?.observedAt ?? snapshot.observedAt },
      },
    );
    return this.getSubject(tenant, subjectId);
  }

  async #snapshot(filter: Record<string, unknown>): Promise<Snapshot | undefined> {
    const found = await this.#c('snapshots').findOne(filter, {
      sort: { observedMs: -1 },
      projection: { _id: 0, tenant: 0, subjectId: 0, observedMs: 0 },
    });
    return (found ?? undefined) as Snapshot | undefined;
  }

  latestSnapshot(tenant: string, subjectId: string): Promise<Snapshot | undefined> {
    return this.#snapshot({ tenant, subjectId });
  }

  snapshotAtOrBefore(tenant: string, subjectId: string, at: string): Promise<Snapshot | undefined> {
    return this.#snapshot({ tenant, subjectId, observedMs: { $lte: Date.parse(at) } });
  }

  async latestSnapshotAfter(tenant: string, subjectId: string, after: string): Promise<Snapshot | undefined> {
    const latest = await this.latestSnapshot(tenant, subjectId);
    return latest && Date.parse(latest.observedAt) > Date.parse(after) ? latest : undefined;
  }

  /** The record as stored, with the query fields (due time in ms) beside it. */
  #recDoc(record: RecommendationRecord): Doc {
    return {
      _id: key(record.tenant, record.recommendation.id),
      ...record,
      measureDueMs: record.measureDueAt ? Date.parse(record.measureDueAt) : null,
      claimedMs: record.claimedUntil ? Date.parse(record.claimedUntil) : 0,
    };
  }

  #rec(doc: unknown): RecommendationRecord {
    const { measureDueMs: _due, claimedMs: _claimed, ...record } = doc as Record<string, unknown>;
    return record as unknown as RecommendationRecord;
  }

  insertRecommendation(record: RecommendationRecord): Promise<boolean> {
    return this.#insert('recommendations', this.#recDoc({ ...record, revision: 1 }));
  }

  async getRecommendation(tenant: string, id: string): Promise<RecommendationRecord | undefined> {
    const doc = await this.#c('recommendations').findOne({ _id: key(tenant, id) }, NO_ID);
    return doc ? this.#rec(doc) : undefined;
  }

  async listRecommendations(tenant: string, query: RecommendationQuery): Promise<RecommendationRecord[]> {
    const docs = await this.#c('recommendations')
      .find(
        {
          tenant,
          ...(query.subjectId ? { 'recommendation.subjectId': query.subjectId } : {}),
          ...(query.stage ? { stage: query.stage } : {}),
        },
        NO_ID,
      )
      .sort({ 'recommendation.generatedAt': -1, 'recommendation.id': -1 })
      .limit(query.limit)
      .toArray();
    return docs.map((doc) => this.#rec(doc));
  }

  async allRecommendations(tenant: string): Promise<RecommendationRecord[]> {
    const docs = await this.#c('recommendations').find({ tenant }, NO_ID).toArray();
    return docs.map((doc) => this.#rec(doc));
  }

  async replaceRecommendation(
    record: RecommendationRecord,
    expected: number,
  ): Promise<RecommendationRecord | undefined> {
    const next = { ...record, revision: expected + 1 };
    const { _id, ...doc } = this.#recDoc(next);
    // replaceOne drops fields the new record lacks (a released claim), unlike $set.
    const result = await this.#c('recommendations').replaceOne({ _id, revision: expected }, doc);
    return result.modifiedCount === 1 ? next : undefined;
  }

  async dueRecommendations(now: string, limit: number): Promise<RecommendationRecord[]> {
    const at = Date.parse(now);
    const docs = await this.#c('recommendations')
      .find({ stage: 'applied', measureDueMs: { $ne: null, $lte: at }, claimedMs: { $lte: at } }, NO_ID)
      .sort({ measureDueMs: 1 })
      .limit(limit)
      .toArray();
    return docs.map((doc) => this.#rec(doc));
  }

  async measuredOutcomes(limit: number): Promise<RecommendationRecord[]> {
    const docs = await this.#c('recommendations')
      .find({ stage: 'measured', 'outcome.measurable': true }, NO_ID)
      .sort({ 'outcome.measuredAt': -1 })
      .limit(limit)
      .toArray();
    return docs.map((doc) => this.#rec(doc));
  }

  addWeights(version: WeightsVersion): Promise<boolean> {
    return this.#insert('weights', { _id: version.version, ...version, active: false });
  }

  async activateWeights(version: string): Promise<boolean> {
    if (!(await this.getWeights(version))) return false;
    // Activate first, then clear the others: a reader between the two sees two active versions
    // at worst (activeWeights takes the newest), never none.
    await this.#c('weights').updateOne({ _id: version }, { $set: { active: true } });
    await this.#c('weights').updateMany({ _id: { $ne: version }, active: true }, { $set: { active: false } });
    return true;
  }

  async getWeights(version: string): Promise<WeightsVersion | undefined> {
    return ((await this.#c('weights').findOne({ _id: version }, NO_ID)) ?? undefined) as
      WeightsVersion | undefined;
  }

  async activeWeights(): Promise<WeightsVersion | undefined> {
    const doc = await this.#c('weights').findOne(
      { active: true },
      { sort: { sequence: -1 }, projection: { _id: 0 } },
    );
    return (doc ?? undefined) as WeightsVersion | undefined;
  }

  async listWeights(limit: number): Promise<WeightsVersion[]> {
    return (await this.#c('weights')
      .find({}, NO_ID)
      .sort({ sequence: -1 })
      .limit(limit)
      .toArray()) as unknown as WeightsVersion[];
  }

  async putAnswerFeedback(feedback: AnswerFeedback): Promise<boolean> {
    const result = await this.#c('answers').replaceOne(
      { _id: key(feedback.tenant, feedback.id) },
      { ...feedback },
      { upsert: true },
    );
    return result.upsertedCount === 0;
  }

  async answerFeedbackCounts(tenant: string): Promise<{ up: number; down: number }> {
    const [up, down] = await Promise.all([
      this.#c('answers').countDocuments({ tenant, rating: 'up' }),
      this.#c('answers').countDocuments({ tenant, rating: 'down' }),
    ]);
    return { up, down };
  }
}
