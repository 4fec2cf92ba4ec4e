import { chunkText, type TextChunk } from './chunker.ts';
import { chunkMarkdown } from './markdown-chunker.ts';
import { chunkSentences } from './sentence-chunker.ts';

export const CHUNK_STRATEGIES = ['characters', 'sentences', 'markdown'] as const;
export type ChunkStrategy = (typeof CHUNK_STRATEGIES)[number];

/** Every strategy's settings; each strategy reads the ones it needs. */
export interface ChunkingOptions {
  strategy: ChunkStrategy;
  /** Characters per chunk (characters), and the most a sentence group or a section may hold. */
  size: number;
  /** Characters shared by consecutive character windows. */
  overlap: number;
  /** Sentences per chunk (sentences). */
  sentences: number;
  /** Sentences shared by consecutive chunks (sentences); below `sentences`. */
  sentenceOverlap: number;
}

/** Cuts a document with the chosen strategy; offsets always index the original text exactly. */
export function chunkDocument(text: string, options: ChunkingOptions): TextChunk[] {
  switch (options.strategy) {
    case 'characters':
      return chunkText(text, options);
    case 'sentences':
      return chunkSentences(text, options);
    case 'markdown':
      return chunkMarkdown(text, options);
  }
}

export function isChunkStrategy(value: string): value is ChunkStrategy {
  return (CHUNK_STRATEGIES as readonly string[]).includes(value);
}
