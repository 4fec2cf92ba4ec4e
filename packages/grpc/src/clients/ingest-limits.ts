/**
 * What RetrieveService.IngestDocuments accepts, in one place for both sides of the call: retrieve
 * enforces it, and the gateway validates (and documents, in its OpenAPI) against the same numbers,
 * so a client learns a limit from the gateway's 400 naming its field, not from a failed job.
 */
export const INGEST_LIMITS = {
  documentsPerJob: 1_000,
  idLength: 256,
  titleLength: 1_000,
  /** Characters of one document's text. */
  documentChars: 2_000_000,
  /** Bytes of text in one job; the job is stored whole (MongoDB caps a record at 16 MB). */
  jobTextBytes: 12 * 1024 * 1024,
  metadataEntries: 64,
  metadataKeyLength: 128,
  metadataValueLength: 1_024,
} as const;
