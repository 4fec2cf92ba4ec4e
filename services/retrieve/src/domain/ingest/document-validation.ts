import { RagfleetError } from '@ragfleet/errors';
import type { DocumentInput } from '../index/records.ts';

export const LIMITS = {
  documentsPerJob: 1_000,
  idLength: 256,
  titleLength: 1_000,
  documentChars: 2_000_000,
  /** Bytes of text in one job; the job is stored whole (MongoDB caps a record at 16 MB). */
  jobTextBytes: 12 * 1024 * 1024,
  metadataEntries: 64,
  metadataKeyLength: 128,
  metadataValueLength: 1_024,
} as const;

function invalid(field: string, message: string): RagfleetError {
  return new RagfleetError('INVALID_ARGUMENT', `${field}: ${message}`, { details: { field } });
}

/** Checks a batch of documents to ingest; the error names the first offending field. */
export function validateDocuments(documents: DocumentInput[]): void {
  if (documents.length === 0) throw invalid('documents', 'at least one document is required');
  if (documents.length > LIMITS.documentsPerJob) {
    throw invalid('documents', `at most ${LIMITS.documentsPerJob} documents per request`);
  }
  const seen = new Set<string>();
  let bytes = 0;
  for (const [i, document] of documents.entries()) {
    const field = `documents[${i}]`;
    if (document.id.trim() === '') throw invalid(`${field}.id`, 'must not be empty');
    if (document.id.length > LIMITS.idLength)
      throw invalid(`${field}.id`, `at most ${LIMITS.idLength} characters`);
    if (seen.has(document.id)) throw invalid(`${field}.id`, `duplicate id "${document.id}" in one request`);
    seen.add(document.id);
    if (document.text.trim() === '') throw invalid(`${field}.text`, 'must not be empty');
    if (document.text.length > LIMITS.documentChars) {
      throw invalid(`${field}.text`, `at most ${LIMITS.documentChars} characters`);
    }
    if (document.title.length > LIMITS.titleLength) {
      throw invalid(`${field}.title`, `at most ${LIMITS.titleLength} characters`);
    }
    validateMetadata(`${field}.metadata`, document.metadata);
    bytes += Buffer.byteLength(document.text);
  }
  if (bytes > LIMITS.jobTextBytes) {
    throw invalid('documents', `at most ${LIMITS.jobTextBytes} bytes of text per request; split the batch`);
  }
}

function validateMetadata(field: string, metadata: Record<string, string>): void {
  const entries = Object.entries(metadata);
  if (entries.length > LIMITS.metadataEntries)
    throw invalid(field, `at most ${LIMITS.metadataEntries} entries`);
  for (const [key, value] of entries) {
    if (key === '' || key.length > LIMITS.metadataKeyLength) {
      throw invalid(field, `keys must have 1 to ${LIMITS.metadataKeyLength} characters`);
    }
    // Dots and a leading $ are operators to MongoDB; refusing them keeps both stores alike.
    if (key.includes('.') || key.startsWith('$'))
      throw invalid(field, `key "${key}" must not contain "." or start with "$"`);
    if (key === 'document_id') throw invalid(`${field}.${key}`, 'is reserved for filtering by document id');
    if (value.length > LIMITS.metadataValueLength) {
      throw invalid(`${field}.${key}`, `at most ${LIMITS.metadataValueLength} characters`);
    }
  }
}
