import mongoose, { type Connection } from 'mongoose';
import type { FeedbackStore, RecommendationQuery } from '../domain/feedback-store.ts';
import type {
  AnswerFeedback,
  RecommendationRecord,
  Snapshot,
  SubjectRecord,
  WeightsVersion,
} from '../domain/records.ts';

/**
 * A stored document: the record as JSON text in `json`, beside the fields queries filter and
 * sort on. Text, not nested fields, because records carry maps keyed by metric paths
 * (`channel.local_ratio`) and labels, whose dots MongoDB would read as paths.
 */
interface Doc extends mongoose.mongo.Document {
  _id: string;
  json: string;
}
type Collection = mongoose.mongo.Collection<Doc>;

const DUPLICATE_KEY = 11000;
const key = (...parts: string[]) => JSON.stringify(parts);
const isDuplicate = (error: unknown) => (error as { code?: number }).code === DUPLICATE_KEY;
const decode = <T>(doc: Doc | null): T | undefined => (doc ? (JSON.parse(doc.json) as T) : undefined);
const ms = (iso: string | undefined) => (iso ? Date.parse(iso) : 0);

/**
 * The store on MongoDB (MONGODB_URI), shared by every feedback replica: collections
 * feedback_subjects, feedback_snapshots, feedback_recommendations, feedback_weights and
 * feedback_answers, each document keyed by tenant and id in `_id`. Inserts rely on the unique
 * `_id`; compare-and-set is a replaceOne filtered on the expected revision, which is what keeps
 * two replicas' measurers from measuring one record twice.
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
    await this.#c('subjects').createIndex({ tenant: 1, createdMs: -1 });
    await this.#c('snapshots').createIndex({ tenant: 1, subjectId: 1, observedMs: -1 });
    await this.#c('recommendations').createIndex({ tenant: 1, generatedMs: -1 });
    await this.#c('recommendations').createIndex({ stage: 1, measureDueMs: 1 });
    await this.#c('recommendations').createIndex({ stage: 1, measurable: 1, measuredMs: -1 });
    await this.#c('weights').createIndex({ sequence: -1 });
    await this.#c('answers').createIndex({ tenant: 1, rating: 1 });
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

  #subjectDoc(subject: SubjectRecord): Doc {
    return {
      _id: key(subject.tenant, subject.id),
      tenant: subject.tenant,
      id: subject.id,
      createdMs: ms(subject.createdAt),
      json: JSON.stringify(subject),
    };
  }

  createSubject(subject: SubjectRecord): Promise<boolean> {
    return this.#insert('subjects', this.#subjectDoc(subject));
  }

  async getSubject(tenant: string, id: string): Promise<SubjectRecord | undefined> {
    return decode(await this.#c('subjects').findOne({ _id: key(tenant, id) }));
  }

  async listSubjects(tenant: string, limit: number): Promise<SubjectRecord[]> {
    const docs = await this.#c('subjects')
      .find({ tenant })
      .sort({ createdMs: -1, id: -1 })
      .limit(limit)
      .toArray();
    return docs.map((doc) => JSON.parse(doc.json) as SubjectRecord);
  }

  async addSnapshot(
    tenant: string,
    subjectId: string,
    snapshot: Snapshot,
  ): Promise<SubjectRecord | undefined> {
    const subject = await this.getSubject(tenant, subjectId);
    if (!subject) return undefined;
    await this.#c('snapshots').replaceOne(
      { _id: key(tenant, subjectId, snapshot.observedAt) },
      { tenant, subjectId, observedMs: ms(snapshot.observedAt), json: JSON.stringify(snapshot) },
      { upsert: true },
    );
    // The count and latest time are derived from the snapshots themselves, so two writers
    // racing on one subject still leave it right.
    const [count, latest] = await Promise.all([
      this.#c('snapshots').countDocuments({ tenant, subjectId }),
      this.latestSnapshot(tenant, subjectId),
    ]);
    const updated: SubjectRecord = {
      ...subject,
      snapshotCount: count,
      metricsObservedAt: latest?.observedAt ?? snapshot.observedAt,
    };
    await this.#c('subjects').replaceOne({ _id: key(tenant, subjectId) }, this.#subjectDoc(updated));
    return updated;
  }

  async #snapshot(filter: Record<string, unknown>): Promise<Snapshot | undefined> {
    return decode(await this.#c('snapshots').findOne(filter, { sort: { observedMs: -1 } }));
  }

  latestSnapshot(tenant: string, subjectId: string): Promise<Snapshot | undefined> {
    return this.#snapshot({ tenant, subjectId });
  }

  snapshotAtOrBefore(tenant: string, subjectId: string, at: string): Promise<Snapshot | undefined> {
    return this.#snapshot({ tenant, subjectId, observedMs: { $lte: ms(at) } });
  }

  async latestSnapshotAfter(tenant: string, subjectId: string, after: string): Promise<Snapshot | undefined> {
    const latest = await this.latestSnapshot(tenant, subjectId);
    return latest && ms(latest.observedAt) > ms(after) ? latest : undefined;
  }

  #recDoc(record: RecommendationRecord): Doc {
    return {
      _id: key(record.tenant, record.recommendation.id),
      tenant: record.tenant,
      id: record.recommendation.id,
      subjectId: record.recommendation.subjectId,
      stage: record.stage,
      revision: record.revision,
      generatedMs: ms(record.recommendation.generatedAt),
      measureDueMs: record.measureDueAt ? ms(record.measureDueAt) : null,
      claimedMs: ms(record.claimedUntil),
      measurable: record.outcome?.measurable ?? false,
      measuredMs: ms(record.outcome?.measuredAt),
      json: JSON.stringify(record),
    };
  }

  insertRecommendation(record: RecommendationRecord): Promise<boolean> {
    return this.#insert('recommendations', this.#recDoc({ ...record, revision: 1 }));
  }

  async getRecommendation(tenant: string, id: string): Promise<RecommendationRecord | undefined> {
    return decode(await this.#c('recommendations').findOne({ _id: key(tenant, id) }));
  }

  async #records(filter: Record<string, unknown>, sort: Record<string, 1 | -1>, limit = 0) {
    const docs = await this.#c('recommendations').find(filter).sort(sort).limit(limit).toArray();
    return docs.map((doc) => JSON.parse(doc.json) as RecommendationRecord);
  }

  listRecommendations(tenant: string, query: RecommendationQuery): Promise<RecommendationRecord[]> {
    return this.#records(
      {
        tenant,
        ...(query.subjectId ? { subjectId: query.subjectId } : {}),
        ...(query.stage ? { stage: query.stage } : {}),
      },
      { generatedMs: -1, id: -1 },
      query.limit,
    );
  }

  allRecommendations(tenant: string): Promise<RecommendationRecord[]> {
    return this.#records({ tenant }, { generatedMs: -1 });
  }

  async replaceRecommendation(
    record: RecommendationRecord,
    expected: number,
  ): Promise<RecommendationRecord | undefined> {
    const next = { ...record, revision: expected + 1 };
    const { _id, ...doc } = this.#recDoc(next);
    const result = await this.#c('recommendations').replaceOne({ _id, revision: expected }, doc);
    return result.modifiedCount === 1 ? next : undefined;
  }

  dueRecommendations(now: string, limit: number): Promise<RecommendationRecord[]> {
    const at = ms(now);
    return this.#records(
      { stage: 'applied', measureDueMs: { $ne: null, $lte: at }, claimedMs: { $lte: at } },
      { measureDueMs: 1 },
      limit,
    );
  }

  measuredOutcomes(limit: number): Promise<RecommendationRecord[]> {
    return this.#records({ stage: 'measured', measurable: true }, { measuredMs: -1 }, limit);
  }

  #weightsDoc(version: WeightsVersion): Doc {
    return {
      _id: version.version,
      sequence: version.sequence,
      active: version.active,
      json: JSON.stringify(version),
    };
  }

  addWeights(version: WeightsVersion): Promise<boolean> {
    return this.#insert('weights', this.#weightsDoc({ ...version, active: false }));
  }

  async activateWeights(version: string): Promise<boolean> {
    const target = await this.getWeights(version);
    if (!target) return false;
    // Activate first, then clear the others: a reader between the two sees two active versions
    // at worst (activeWeights takes the newest), never none.
    await this.#c('weights').replaceOne({ _id: version }, this.#weightsDoc({ ...target, active: true }));
    const others = await this.#c('weights')
      .find({ _id: { $ne: version }, active: true })
      .toArray();
    for (const doc of others) {
      const stale = JSON.parse(doc.json) as WeightsVersion;
      await this.#c('weights').replaceOne({ _id: doc._id }, this.#weightsDoc({ ...stale, active: false }));
    }
    return true;
  }

  async getWeights(version: string): Promise<WeightsVersion | undefined> {
    return decode(await this.#c('weights').findOne({ _id: version }));
  }

  async activeWeights(): Promise<WeightsVersion | undefined> {
    return decode(await this.#c('weights').findOne({ active: true }, { sort: { sequence: -1 } }));
  }

  async listWeights(limit: number): Promise<WeightsVersion[]> {
    const docs = await this.#c('weights').find({}).sort({ sequence: -1 }).limit(limit).toArray();
    return docs.map((doc) => JSON.parse(doc.json) as WeightsVersion);
  }

  async putAnswerFeedback(feedback: AnswerFeedback): Promise<boolean> {
    const result = await this.#c('answers').replaceOne(
      { _id: key(feedback.tenant, feedback.id) },
      { tenant: feedback.tenant, rating: feedback.rating, json: JSON.stringify(feedback) },
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
