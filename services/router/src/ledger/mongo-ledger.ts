import mongoose, { Schema, type Connection, type Model } from 'mongoose';
import { matches, usageGroups } from './usage-groups.ts';
import type { LedgerEntry, UsageGroup, UsageLedger, UsageQuery } from './usage-ledger.ts';

const DUPLICATE_KEY = 11000;

interface EntryRow extends Omit<LedgerEntry, 'at'> {
  at: Date;
}

const entrySchema = new Schema<EntryRow>(
  {
    generationId: { type: String, required: true },
    tenant: { type: String, required: true },
    user: { type: String, default: '' },
    keyId: { type: String, default: '' },
    // Entries written before tasks were recorded are answers.
    task: { type: String, default: 'answer' },
    provider: { type: String, required: true },
    model: { type: String, required: true },
    inputTokens: { type: Number, required: true },
    outputTokens: { type: Number, required: true },
    costUsd: { type: Number, required: true },
    cached: { type: Boolean, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);
// The unique index is what makes a redelivered event a no-op, across every router replica.
entrySchema.index({ generationId: 1 }, { unique: true });
// The query's shape: one tenant, a time range.
entrySchema.index({ tenant: 1, at: 1 });

/**
 * The MongoDB ledger (when MONGODB_URI is set), shared by every router replica: one document per
 * generation in `router_ledger`. Append is an upsert on generationId that only ever inserts.
 */
export class MongoLedger implements UsageLedger {
  readonly #uri: string;
  readonly #dbName: string | undefined;
  #connection: Connection | undefined;
  #entries: Model<EntryRow> | undefined;

  /** dbName overrides the database named in the URI. */
  constructor(uri: string, options: { dbName?: string } = {}) {
    this.#uri = uri;
    this.#dbName = options.dbName;
  }

  async open(): Promise<void> {
    const connection = await mongoose
      .createConnection(this.#uri, { serverSelectionTimeoutMS: 10_000, dbName: this.#dbName })
      .asPromise();
    this.#connection = connection;
    this.#entries = connection.model<EntryRow>('RouterLedgerEntry', entrySchema, 'router_ledger');
    await this.#entries.init();
  }

  async append(entry: LedgerEntry): Promise<boolean> {
    try {
      const result = await this.#model().updateOne(
        { generationId: entry.generationId },
        { $setOnInsert: { ...entry, at: new Date(entry.at) } },
        { upsert: true },
      );
      return result.upsertedCount === 1;
    } catch (error) {
      // Two replicas upserting the same id at once: the loser's insert hits the unique index.
      if ((error as { code?: number }).code === DUPLICATE_KEY) return false;
      throw error;
    }
  }

  async query(query: UsageQuery): Promise<UsageGroup[]> {
    const rows = this.#model()
      .find({ tenant: query.tenant, at: { $gte: query.from, $lt: query.to } }, { _id: 0 })
      .lean<EntryRow[]>()
      .cursor();
    const entries: LedgerEntry[] = [];
    for await (const row of rows) {
      const entry = { ...(row as EntryRow), at: (row as EntryRow).at.toISOString() };
      if (matches(entry, query)) entries.push(entry);
    }
    // Folded here with the embedded ledger's code, so both answer the same groups in the same order.
    return usageGroups(entries, query.groupBy);
  }

  async close(): Promise<void> {
    await this.#connection?.close();
    this.#connection = undefined;
  }

  /** Tests only: removes the whole test database. */
  async dropDatabase(): Promise<void> {
    await this.#connection?.dropDatabase();
  }

  #model(): Model<EntryRow> {
    if (!this.#entries) throw new Error('MongoLedger: open() first');
    return this.#entries;
  }
}
