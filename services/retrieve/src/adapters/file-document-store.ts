import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { DocumentStore } from '../domain/index/document-store.ts';
import type {
  ChunkRecord,
  DocumentInput,
  DocumentRecord,
  IndexableDocument,
} from '../domain/index/records.ts';
import type { IngestJob } from '../domain/ingest/ingest-job.ts';
import { isTerminal } from '../domain/ingest/job-state.ts';
import { OperationLog } from './operation-log.ts';
import { decodeVector, encodeVector } from './vector-codec.ts';

type StoredChunk = Omit<ChunkRecord, 'vector'> & { vector: string };

type Operation =
  | { op: 'meta'; epoch: string; version: number }
  | { op: 'doc'; version: number; tenant: string; document: DocumentRecord; chunks: StoredChunk[] }
  | { op: 'delete'; version: number; tenant: string; id: string }
  | { op: 'job'; job: IngestJob; documents?: DocumentInput[] };

interface DocumentEntry {
  record: DocumentRecord;
  chunks: StoredChunk[];
}

interface JobEntry {
  job: IngestJob;
  documents: DocumentInput[] | undefined;
}

export interface FileDocumentStoreOptions {
  /** Compact once the log holds this many more operations than live records. */
  compactAfter?: number;
}

/**
 * The embedded default store: an append-only, fsync'd operation log under `dir`, replayed into
 * memory on start and compacted into a snapshot when it grows. Simple, durable, single-process.
 */
export class FileDocumentStore implements DocumentStore {
  readonly #log: OperationLog<Operation>;
  readonly #dir: string;
  readonly #compactAfter: number;
  readonly #documents = new Map<string, Map<string, DocumentEntry>>();
  /** tenant -> chunk id -> chunk, for search hits. */
  readonly #chunks = new Map<string, Map<string, StoredChunk>>();
  readonly #jobs = new Map<string, JobEntry>();
  #epoch = '';
  #version = 0;
  #opsInLog = 0;
  #writes: Promise<unknown> = Promise.resolve();

  constructor(dir: string, options: FileDocumentStoreOptions = {}) {
    this.#dir = dir;
    this.#log = new OperationLog(join(dir, 'store.jsonl'));
    this.#compactAfter = options.compactAfter ?? 10_000;
  }

  async open(): Promise<void> {
    await mkdir(this.#dir, { recursive: true });
    const ops = await this.#log.replay();
    for (const op of ops) this.#apply(op);
    this.#opsInLog = ops.length;
    if (!this.#epoch) {
      this.#epoch = randomUUID();
      await this.#append(() => ({ op: 'meta', epoch: this.#epoch, version: this.#version }));
    }
    await this.#compactIfLarge();
  }

  close(): Promise<void> {
    return this.#log.close();
  }

  async upsertDocument(tenant: string, document: DocumentRecord, chunks: ChunkRecord[]): Promise<void> {
    const stored = chunks.map((chunk) => ({ ...chunk, vector: encodeVector(chunk.vector) }));
    await this.#append(() => ({ op: 'doc', version: this.#version + 1, tenant, document, chunks: stored }));
  }

  async getDocument(tenant: string, id: string): Promise<DocumentRecord | undefined> {
    const entry = this.#documents.get(tenant)?.get(id);
    return entry ? structuredClone(entry.record) : undefined;
  }

  async deleteDocument(tenant: string, id: string): Promise<number> {
    let removed = 0;
    await this.#append(() => {
      const entry = this.#documents.get(tenant)?.get(id);
      if (!entry) return undefined;
      removed = entry.chunks.length;
      return { op: 'delete', version: this.#version + 1, tenant, id };
    });
    return removed;
  }

  async getChunks(tenant: string, chunkIds: string[]): Promise<ChunkRecord[]> {
    const chunks = this.#chunks.get(tenant);
    const found: ChunkRecord[] = [];
    for (const id of new Set(chunkIds)) {
      const chunk = chunks?.get(id);
      if (chunk) found.push({ ...chunk, vector: decodeVector(chunk.vector) });
    }
    return found;
  }

  async *scanIndexable(): AsyncIterable<IndexableDocument> {
    for (const [tenant, documents] of this.#documents) {
      for (const { record, chunks } of [...documents.values()]) {
        yield {
          tenant,
          document: structuredClone(record),
          chunks: chunks.map((chunk) => ({
            id: chunk.id,
            text: chunk.text,
            vector: decodeVector(chunk.vector),
          })),
        };
      }
    }
  }

  async corpusMarker(): Promise<string> {
    return `${this.#epoch}:${this.#version}`;
  }

  async createJob(job: IngestJob, documents: DocumentInput[]): Promise<void> {
    await this.#append(() => ({
      op: 'job',
      job: structuredClone(job),
      documents: structuredClone(documents),
    }));
  }

  async saveJob(job: IngestJob): Promise<void> {
    await this.#append(() => ({ op: 'job', job: structuredClone(job) }));
  }

  async getJob(tenant: string, id: string): Promise<IngestJob | undefined> {
    const entry = this.#jobs.get(jobKey(tenant, id));
    return entry ? { ...entry.job, documentIds: [...entry.job.documentIds] } : undefined;
  }

  async getJobDocuments(tenant: string, id: string): Promise<DocumentInput[] | undefined> {
    return structuredClone(this.#jobs.get(jobKey(tenant, id))?.documents);
  }

  async listStaleJobs(before: Date, limit: number): Promise<IngestJob[]> {
    const cutoff = before.getTime();
    return [...this.#jobs.values()]
      .map((entry) => entry.job)
      .filter((job) => !isTerminal(job.state) && Date.parse(job.updatedAt) < cutoff)
      .sort((a, b) => Date.parse(a.updatedAt) - Date.parse(b.updatedAt))
      .slice(0, limit)
      .map((job) => ({ ...job, documentIds: [...job.documentIds] }));
  }

  async saveJobIfUnchanged(seen: IngestJob, next: IngestJob): Promise<boolean> {
    let saved = false;
    // Checked inside the write's turn: no other write can change the job between check and write.
    await this.#append(() => {
      const current = this.#jobs.get(jobKey(seen.tenant, seen.id))?.job;
      if (!current || current.state !== seen.state || current.updatedAt !== seen.updatedAt) return undefined;
      saved = true;
      return { op: 'job', job: structuredClone(next) };
    });
    return saved;
  }

  /**
   * Writes first, then changes memory, so what readers see is already on disk. Writes run one at a
   * time and build their operation when their turn comes, so versions and snapshots stay ordered.
   */
  #append(build: () => Operation | undefined): Promise<void> {
    const run = this.#writes.then(async () => {
      const op = build();
      if (!op) return;
      await this.#log.append(op);
      this.#apply(op);
      this.#opsInLog += 1;
      await this.#compactIfLarge();
    });
    this.#writes = run.catch(() => undefined);
    return run;
  }

  #apply(op: Operation): void {
    switch (op.op) {
      case 'meta':
        this.#epoch = op.epoch;
        this.#version = Math.max(this.#version, op.version);
        return;
      case 'doc': {
        let documents = this.#documents.get(op.tenant);
        if (!documents) this.#documents.set(op.tenant, (documents = new Map()));
        this.#forgetChunks(op.tenant, documents.get(op.document.id));
        documents.set(op.document.id, { record: op.document, chunks: op.chunks });
        let chunks = this.#chunks.get(op.tenant);
        if (!chunks) this.#chunks.set(op.tenant, (chunks = new Map()));
        for (const chunk of op.chunks) chunks.set(chunk.id, chunk);
        this.#version = Math.max(this.#version, op.version);
        return;
      }
      case 'delete':
        this.#forgetChunks(op.tenant, this.#documents.get(op.tenant)?.get(op.id));
        this.#documents.get(op.tenant)?.delete(op.id);
        this.#version = Math.max(this.#version, op.version);
        return;
      case 'job': {
        const key = jobKey(op.job.tenant, op.job.id);
        const previous = this.#jobs.get(key);
        const documents = isTerminal(op.job.state) ? undefined : (op.documents ?? previous?.documents);
        this.#jobs.set(key, { job: op.job, documents });
        return;
      }
    }
  }

  #forgetChunks(tenant: string, entry: DocumentEntry | undefined): void {
    const chunks = this.#chunks.get(tenant);
    for (const chunk of entry?.chunks ?? []) chunks?.delete(chunk.id);
  }

  #liveRecords(): number {
    let count = this.#jobs.size + 1;
    for (const documents of this.#documents.values()) count += documents.size;
    return count;
  }

  /** Runs inside a write's turn, so no other write can slip between the snapshot and the swap. */
  async #compactIfLarge(): Promise<void> {
    if (this.#opsInLog - this.#liveRecords() < this.#compactAfter) return;
    const snapshot = [...this.#snapshot()];
    await this.#log.rewrite(snapshot);
    this.#opsInLog = snapshot.length;
  }

  *#snapshot(): Iterable<Operation> {
    yield { op: 'meta', epoch: this.#epoch, version: this.#version };
    for (const [tenant, documents] of this.#documents) {
      for (const { record, chunks } of documents.values()) {
        yield { op: 'doc', version: this.#version, tenant, document: record, chunks };
      }
    }
    for (const { job, documents } of this.#jobs.values()) yield { op: 'job', job, documents };
  }
}

function jobKey(tenant: string, id: string): string {
  return `${tenant}\u0000${id}`;
}
