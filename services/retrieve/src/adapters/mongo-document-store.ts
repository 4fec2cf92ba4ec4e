import { randomUUID } from 'node:crypto';
import mongoose, { Schema, type Connection, type Model } from 'mongoose';
import type { DocumentStore } from '../domain/index/document-store.ts';
import { isTerminal } from '../domain/ingest/job-state.ts';
import type {
  ChunkRecord,
  DocumentInput,
  DocumentRecord,
  IndexableDocument,
} from '../domain/index/records.ts';
import type { IngestJob } from '../domain/ingest/ingest-job.ts';
import { bufferToVector, vectorToBuffer } from './vector-codec.ts';

interface DocumentRow extends DocumentRecord {
  tenant: string;
}
interface ChunkRow extends Omit<ChunkRecord, 'vector'> {
  tenant: string;
  vector: Buffer;
}
interface JobRow extends IngestJob {
  documents?: DocumentInput[];
}
interface MetaRow {
  _id: string;
  epoch: string;
  version: number;
}

const stringMap = { type: Map, of: String, default: {} };

const documentSchema = new Schema<DocumentRow>(
  {
    tenant: { type: String, required: true },
    id: { type: String, required: true },
    title: { type: String, default: '' },
    metadata: stringMap,
    length: { type: Number, required: true },
    chunkCount: { type: Number, required: true },
    updatedAt: { type: String, required: true },
  },
  { versionKey: false, minimize: false },
);
documentSchema.index({ tenant: 1, id: 1 }, { unique: true });

const chunkSchema = new Schema<ChunkRow>(
  {
    tenant: { type: String, required: true },
    documentId: { type: String, required: true },
    id: { type: String, required: true },
    n: { type: Number, required: true },
    text: { type: String, required: true },
    start: { type: Number, required: true },
    end: { type: Number, required: true },
    vector: { type: Buffer, required: true },
  },
  { versionKey: false },
);
chunkSchema.index({ tenant: 1, id: 1 }, { unique: true });
chunkSchema.index({ tenant: 1, documentId: 1 });

const jobSchema = new Schema<JobRow>(
  {
    tenant: { type: String, required: true },
    id: { type: String, required: true },
    state: { type: String, required: true },
    documentIds: { type: [String], default: [] },
    documentsDone: Number,
    chunksIndexed: Number,
    error: { type: String, default: '' },
    errorCode: String,
    attempts: Number,
    chunking: String,
    createdAt: String,
    updatedAt: String,
    documents: { type: Schema.Types.Mixed },
  },
  { versionKey: false, minimize: false },
);
jobSchema.index({ tenant: 1, id: 1 }, { unique: true });
// The sweep's question: jobs not ended, least recently updated first.
jobSchema.index({ state: 1, updatedAt: 1 });

const metaSchema = new Schema<MetaRow>(
  { _id: String, epoch: String, version: Number },
  { versionKey: false },
);

const CORPUS = 'corpus';

/**
 * The MongoDB store (when MONGODB_URI is set): documents, chunks and jobs collections. A document
 * is replaced without a transaction: delete its chunks, insert the new ones, then write its record.
 * Each step is idempotent, so a retried job repairs whatever a failed attempt left half done.
 */
export class MongoDocumentStore implements DocumentStore {
  readonly #uri: string;
  readonly #dbName: string | undefined;
  #connection: Connection | undefined;
  #models:
    | { documents: Model<DocumentRow>; chunks: Model<ChunkRow>; jobs: Model<JobRow>; meta: Model<MetaRow> }
    | undefined;

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
    this.#models = {
      documents: connection.model<DocumentRow>('RetrieveDocument', documentSchema, 'retrieve_documents'),
      chunks: connection.model<ChunkRow>('RetrieveChunk', chunkSchema, 'retrieve_chunks'),
      jobs: connection.model<JobRow>('RetrieveJob', jobSchema, 'retrieve_jobs'),
      meta: connection.model<MetaRow>('RetrieveMeta', metaSchema, 'retrieve_meta'),
    };
    const { documents, chunks, jobs } = this.#models;
    await Promise.all([documents.createIndexes(), chunks.createIndexes(), jobs.createIndexes()]);
    await this.#models.meta.updateOne(
      { _id: CORPUS },
      { $setOnInsert: { epoch: randomUUID(), version: 0 } },
      { upsert: true },
    );
  }

  async close(): Promise<void> {
    await this.#connection?.close();
  }

  /** Drops the whole database: for tests that made their own. */
  async dropDatabase(): Promise<void> {
    await this.#connection?.dropDatabase();
  }

  async upsertDocument(tenant: string, document: DocumentRecord, chunks: ChunkRecord[]): Promise<void> {
    const { documents, chunks: chunkModel } = this.#m();
    await chunkModel.deleteMany({ tenant, documentId: document.id });
    if (chunks.length > 0) {
      await chunkModel.insertMany(
        chunks.map((chunk) => ({ ...chunk, tenant, vector: vectorToBuffer(chunk.vector) })),
        { ordered: true },
      );
    }
    await documents.replaceOne({ tenant, id: document.id }, { ...document, tenant }, { upsert: true });
    await this.#bumpVersion();
  }

  async getDocument(tenant: string, id: string): Promise<DocumentRecord | undefined> {
    const row = await this.#m().documents.findOne({ tenant, id }).lean<DocumentRow>();
    return row ? toDocumentRecord(row) : undefined;
  }

  async deleteDocument(tenant: string, id: string): Promise<number> {
    const { documents, chunks } = this.#m();
    const removed = await chunks.deleteMany({ tenant, documentId: id });
    const gone = await documents.deleteOne({ tenant, id });
    if (removed.deletedCount > 0 || gone.deletedCount > 0) await this.#bumpVersion();
    return removed.deletedCount;
  }

  async getChunks(tenant: string, chunkIds: string[]): Promise<ChunkRecord[]> {
    if (chunkIds.length === 0) return [];
    const rows = await this.#m()
      .chunks.find({ tenant, id: { $in: [...new Set(chunkIds)] } })
      .lean<ChunkRow[]>();
    return rows.map((row) => ({
      id: row.id,
      documentId: row.documentId,
      n: row.n,
      text: row.text,
      start: row.start,
      end: row.end,
      vector: bufferToVector(toBytes(row.vector)),
    }));
  }

  async *scanIndexable(): AsyncIterable<IndexableDocument> {
    const { documents, chunks } = this.#m();
    for await (const row of documents.find().lean<DocumentRow[]>().cursor()) {
      const document = row as unknown as DocumentRow;
      const rows = await chunks
        .find({ tenant: document.tenant, documentId: document.id }, { id: 1, text: 1, vector: 1 })
        .lean<Array<Pick<ChunkRow, 'id' | 'text' | 'vector'>>>();
      yield {
        tenant: document.tenant,
        document: toDocumentRecord(document),
        chunks: rows.map((chunk) => ({
          id: chunk.id,
          text: chunk.text,
          vector: bufferToVector(toBytes(chunk.vector)),
        })),
      };
    }
  }

  async corpusMarker(): Promise<string> {
    const meta = await this.#m().meta.findById(CORPUS).lean<MetaRow>();
    return meta ? `${meta.epoch}:${meta.version}` : 'empty';
  }

  async createJob(job: IngestJob, documents: DocumentInput[]): Promise<void> {
    await this.#m().jobs.replaceOne(
      { tenant: job.tenant, id: job.id },
      { ...job, documents },
      { upsert: true },
    );
  }

  async saveJob(job: IngestJob): Promise<void> {
    const update = isTerminal(job.state) ? { $set: job, $unset: { documents: 1 } } : { $set: job };
    await this.#m().jobs.updateOne({ tenant: job.tenant, id: job.id }, update, { upsert: true });
  }

  async getJob(tenant: string, id: string): Promise<IngestJob | undefined> {
    const row = await this.#m().jobs.findOne({ tenant, id }, { documents: 0, _id: 0 }).lean<JobRow>();
    return row ? toJob(row) : undefined;
  }

  async listStaleJobs(before: Date, limit: number): Promise<IngestJob[]> {
    // updatedAt is an RFC 3339 string in UTC with milliseconds: its order is the time order.
    const rows = await this.#m()
      .jobs.find(
        { state: { $in: ['queued', 'running'] }, updatedAt: { $lt: before.toISOString() } },
        { documents: 0, _id: 0 },
      )
      .sort({ updatedAt: 1 })
      .limit(limit)
      .lean<JobRow[]>();
    return rows.map(toJob);
  }

  async saveJobIfUnchanged(seen: IngestJob, next: IngestJob): Promise<boolean> {
    const update = isTerminal(next.state) ? { $set: next, $unset: { documents: 1 } } : { $set: next };
    const result = await this.#m().jobs.updateOne(
      { tenant: seen.tenant, id: seen.id, state: seen.state, updatedAt: seen.updatedAt },
      update,
    );
    return result.matchedCount === 1;
  }

  async getJobDocuments(tenant: string, id: string): Promise<DocumentInput[] | undefined> {
    const row = await this.#m().jobs.findOne({ tenant, id }, { documents: 1 }).lean<JobRow>();
    return row?.documents;
  }

  async #bumpVersion(): Promise<void> {
    await this.#m().meta.updateOne({ _id: CORPUS }, { $inc: { version: 1 } });
  }

  #m() {
    if (!this.#models) throw new Error('MongoDocumentStore is not open');
    return this.#models;
  }
}

function toJob(row: JobRow): IngestJob {
  return {
    id: row.id,
    tenant: row.tenant,
    state: row.state,
    documentIds: row.documentIds,
    documentsDone: row.documentsDone,
    chunksIndexed: row.chunksIndexed,
    error: row.error,
    ...(row.errorCode ? { errorCode: row.errorCode } : {}),
    attempts: row.attempts,
    ...(row.chunking ? { chunking: row.chunking } : {}),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function toDocumentRecord(row: DocumentRow): DocumentRecord {
  return {
    id: row.id,
    title: row.title,
    metadata: { ...row.metadata },
    length: row.length,
    chunkCount: row.chunkCount,
    updatedAt: row.updatedAt,
  };
}

/** Lean reads give BSON Binary for Buffer fields; both expose the bytes. */
function toBytes(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value;
  const binary = value as { buffer?: Uint8Array };
  if (binary.buffer instanceof Uint8Array) return binary.buffer;
  throw new Error('unexpected vector encoding in MongoDB');
}
