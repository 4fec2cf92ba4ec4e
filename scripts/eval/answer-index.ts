// The answer evaluation's retrieval, in ONE process: the Markdown corpora of data/answer-eval
// chunked, embedded and indexed with the retrieve and embed services' own domain classes and the
// fleet's default settings, under a temporary directory. No fleet is started: the evaluation
// measures the answerer, and spawning five services would only add minutes.
import { availableParallelism } from 'node:os';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { chunkRecords } from '../../services/retrieve/src/domain/chunking/chunk-records.ts';
import { chunkDocument, type ChunkingOptions } from '../../services/retrieve/src/domain/chunking/chunking.ts';
import type { Passage } from '../../services/generate/src/domain/ports.ts';
import { composeInProcessRetrieve } from '../in-process-retrieve.ts';

/** retrieve's defaults (CHUNK_STRATEGY, CHUNK_SIZE, CHUNK_OVERLAP, ...), as `pnpm start` ingests. */
const FLEET_CHUNKING: ChunkingOptions = {
  strategy: 'characters',
  size: 1000,
  overlap: 150,
  sentences: 5,
  sentenceOverlap: 1,
};

export interface AnswerIndex {
  /** The fleet's default (hybrid) search within one corpus, as generate receives it. */
  search(corpus: string, query: string, k: number): Promise<Passage[]>;
  documents: number;
  chunks: number;
  close(): Promise<void>;
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.md') && !file.endsWith('SOURCE.md'))
    .sort();
}

/** As `ragfleet ingest` titles a Markdown file: its first heading. */
function titleOf(text: string, fallback: string): string {
  const heading = /^ {0,3}#{1,6}\s+(.+?)\s*$/m.exec(text);
  return heading?.[1] ?? fallback;
}

/** Indexes every `<root>/<corpus>/**.md` as tenant `<corpus>`, ids relative to the corpus folder. */
export async function buildAnswerIndex(
  root: string,
  corpora: string[],
  dataDir: string,
): Promise<AnswerIndex> {
  const retrieve = await composeInProcessRetrieve(dataDir, {
    workers: Math.max(1, Math.min(2, availableParallelism())),
    cacheEntries: 10_000,
  });
  const { corpus, embed } = retrieve;

  let documents = 0;
  let chunks = 0;
  for (const name of corpora) {
    const dir = join(root, name);
    for (const file of markdownFiles(dir)) {
      const text = readFileSync(join(dir, file), 'utf8');
      const id = relative(dir, join(dir, file));
      const pieces = chunkDocument(text, FLEET_CHUNKING);
      const [records = []] = chunkRecords([{ id, pieces }], await embed(pieces.map((piece) => piece.text)));
      await corpus.replaceDocument(
        name,
        {
          id,
          title: titleOf(text, id),
          metadata: {},
          length: text.length,
          chunkCount: records.length,
          updatedAt: new Date(0).toISOString(),
        },
        records,
      );
      documents++;
      chunks += records.length;
    }
  }

  return {
    documents,
    chunks,
    search: (tenant, query, k) => retrieve.passages(tenant, query, k),
    close: () => retrieve.close(),
  };
}
