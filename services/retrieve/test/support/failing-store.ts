import type { DocumentStore } from '../../src/domain/index/document-store.ts';
import type { ChunkRecord, DocumentInput, DocumentRecord } from '../../src/domain/index/records.ts';
import type { IngestJob } from '../../src/domain/ingest/ingest-job.ts';

/**
 * A store whose first `failures` document writes succeed and then throw, as when a worker dies
 * after its write reached the store but before the job finished.
 */
export class FailAfterStoring implements DocumentStore {
  readonly #inner: DocumentStore;
  readonly #failures: number;
  failed = 0;

  constructor(inner: DocumentStore, failures = 1) {
    this.#inner = inner;
    this.#failures = failures;
  }

  async upsertDocument(tenant: string, document: DocumentRecord, chunks: ChunkRecord[]): Promise<void> {
    await this.#inner.upsertDocument(tenant, document, chunks);
    if (this.failed < this.#failures) {
      this.failed += 1;
      throw new Error('injected failure after the write was stored');
    }
  }

  open = () => this.#inner.open();
  close = () => this.#inner.close();
  getDocument = (tenant: string, id: string) => this.#inner.getDocument(tenant, id);
  deleteDocument = (tenant: string, id: string) => this.#inner.deleteDocument(tenant, id);
  getChunks = (tenant: string, ids: string[]) => this.#inner.getChunks(tenant, ids);
  scanIndexable = () => this.#inner.scanIndexable();
  corpusMarker = () => this.#inner.corpusMarker();
  createJob = (job: IngestJob, documents: DocumentInput[]) => this.#inner.createJob(job, documents);
  saveJob = (job: IngestJob) => this.#inner.saveJob(job);
  getJob = (tenant: string, id: string) => this.#inner.getJob(tenant, id);
  getJobDocuments = (tenant: string, id: string) => this.#inner.getJobDocuments(tenant, id);
  listStaleJobs = (before: Date, limit: number) => this.#inner.listStaleJobs(before, limit);
  saveJobIfUnchanged = (seen: IngestJob, next: IngestJob) => this.#inner.saveJobIfUnchanged(seen, next);
}
