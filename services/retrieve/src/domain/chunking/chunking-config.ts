import { RagfleetError } from '@ragfleet/errors';
import { isChunkStrategy, type ChunkingOptions } from './chunking.ts';

/** A chunking as a caller gives it: empty strategy and zero numbers mean the service's default. */
export interface ChunkingRequest {
  strategy: string;
  size: number;
  overlap: number;
  sentences: number;
  sentenceOverlap: number;
}

const MAX_CHUNK_SIZE = 100_000;

/** Fills the defaults in and rejects a chunking no chunker can follow. */
export function resolveChunking(
  request: Partial<ChunkingRequest>,
  defaults: ChunkingOptions,
): ChunkingOptions {
  const strategy = request.strategy || defaults.strategy;
  if (!isChunkStrategy(strategy)) throw invalid('strategy', 'must be characters, sentences or markdown');
  const resolved: ChunkingOptions = {
    strategy,
    size: request.size || defaults.size,
    overlap: request.overlap ?? defaults.overlap,
    sentences: request.sentences || defaults.sentences,
    sentenceOverlap: request.sentenceOverlap ?? defaults.sentenceOverlap,
  };
  // A request that names a size but no overlap must not inherit an overlap larger than its size.
  if (!request.overlap && request.size)
    resolved.overlap = Math.min(defaults.overlap, Math.floor(resolved.size / 4));
  if (!request.sentenceOverlap && request.sentences) {
    resolved.sentenceOverlap = Math.min(defaults.sentenceOverlap, resolved.sentences - 1);
  }
  if (!Number.isInteger(resolved.size) || resolved.size < 1 || resolved.size > MAX_CHUNK_SIZE) {
    throw invalid('size', `must be between 1 and ${MAX_CHUNK_SIZE}`);
  }
  if (resolved.overlap >= resolved.size) throw invalid('overlap', 'must be smaller than size');
  if (resolved.sentenceOverlap >= resolved.sentences) {
    throw invalid('sentence_overlap', 'must be smaller than sentences');
  }
  return resolved;
}

function invalid(field: string, message: string): RagfleetError {
  return new RagfleetError('INVALID_ARGUMENT', `chunking.${field}: ${message}`, {
    details: { field: `chunking.${field}` },
  });
}
