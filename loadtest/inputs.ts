// The request bodies' raw material from the Cranfield collection: the runner builds it in memory,
// and `node loadtest/inputs.ts [file]` writes it for the k6 scripts (which cannot read Cranfield's
// SMART format themselves), so both load the fleet with the same queries and documents.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { RagfleetError } from '../packages/errors/src/index.ts';
import {
  cranfieldAvailable,
  readCranfieldDocuments,
  readCranfieldQueries,
} from '../scripts/bench/cranfield.ts';
import type { LoadInputs, ScenarioFile } from './scenario-types.ts';

/** Where the k6 scripts look for the inputs by default (LOADTEST_INPUTS overrides). */
export const DEFAULT_INPUTS_FILE = join(import.meta.dirname, '../.data/loadtest/inputs.json');

/** How many documents, after the corpus, the ingest scenario cycles through. */
const INGEST_POOL = 200;

export function buildInputs(file: ScenarioFile, short: boolean): LoadInputs {
  if (!cranfieldAvailable()) {
    throw new RagfleetError('FAILED_PRECONDITION', 'The Cranfield collection is not at data/cranfield.');
  }
  const documents = readCranfieldDocuments();
  const corpusSize = short ? file.inputs.shortCorpusDocuments : file.inputs.corpusDocuments;
  const ingest = documents.slice(corpusSize, corpusSize + INGEST_POOL);
  if (ingest.length === 0)
    throw new RagfleetError('INVALID_ARGUMENT', 'The corpus leaves no document to ingest.');
  return {
    queries: readCranfieldQueries()
      .slice(0, file.inputs.queries)
      .map((query) => query.text),
    corpus: documents.slice(0, corpusSize),
    ingest,
    ingestDocumentsPerRequest: file.inputs.ingestDocumentsPerRequest,
  };
}

if (import.meta.main) {
  const { readScenarioFile } = await import('./scenario-file.ts');
  const { values, positionals } = parseArgs({
    options: { short: { type: 'boolean' } },
    allowPositionals: true,
  });
  const target = resolve(positionals[0] ?? DEFAULT_INPUTS_FILE);
  const inputs = buildInputs(readScenarioFile(), values.short ?? false);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, `${JSON.stringify(inputs)}\n`);
  console.log(
    `${inputs.queries.length} queries, ${inputs.corpus.length} corpus and ${inputs.ingest.length} ingest documents: ${target}`,
  );
}
