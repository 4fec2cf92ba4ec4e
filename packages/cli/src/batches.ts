import type { SourceDocument } from './document-readers.ts';

export interface BatchLimits {
  maxDocuments: number;
  /** Stay well under the gateway's body limit (10mb by default). */
  maxBytes: number;
}

/** Groups documents into request-sized batches; a single oversized document still gets its own batch. */
export function* batches(
  documents: Iterable<SourceDocument>,
  limits: BatchLimits,
): Generator<SourceDocument[]> {
  let batch: SourceDocument[] = [];
  let bytes = 0;
  for (const document of documents) {
    const size = Buffer.byteLength(JSON.stringify(document));
    if (batch.length > 0 && (batch.length >= limits.maxDocuments || bytes + size > limits.maxBytes)) {
      yield batch;
      batch = [];
      bytes = 0;
    }
    batch.push(document);
    bytes += size;
  }
  if (batch.length > 0) yield batch;
}
