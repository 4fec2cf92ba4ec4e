import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { LabeledCollection } from './collection.ts';

function jsonLines(file: string): Array<Record<string, unknown>> {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line, i) => [line.trim(), i + 1] as const)
    .filter(([line]) => line !== '')
    .map(([line, number]) => {
      try {
        return JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw new Error(`${file}:${number}: not valid JSON`);
      }
    });
}

function field(row: Record<string, unknown>, name: string, file: string): string {
  const value = row[name];
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string' && typeof value !== 'number')
    throw new Error(`${file}: ${name} must be a string`);
  return String(value);
}

/**
 * The BEIR layout: corpus.jsonl ({_id, title, text}), queries.jsonl ({_id, text}) and
 * qrels/test.tsv (or qrels.tsv): `query-id corpus-id score` with a header line. Only the queries
 * that have judgments are kept. Scores above 0 are graded relevance.
 */
export function readBeir(dir: string, qrelsFile = defaultQrels(dir)): LabeledCollection {
  const corpusFile = join(dir, 'corpus.jsonl');
  const documents = jsonLines(corpusFile).map((row) => {
    const id = field(row, '_id', corpusFile);
    if (!id) throw new Error(`${corpusFile}: a document has no _id`);
    return { id, title: field(row, 'title', corpusFile), text: field(row, 'text', corpusFile) };
  });
  const qrels = new Map<string, Map<string, number>>();
  const lines = readFileSync(qrelsFile, 'utf8').split('\n').slice(1);
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const [query, document, score] = line.trim().split('\t');
    const value = Number(score);
    if (!query || !document || !Number.isFinite(value))
      throw new Error(`${qrelsFile}:${i + 2}: expected "query-id<TAB>corpus-id<TAB>score"`);
    if (value <= 0) continue;
    let judged = qrels.get(query);
    if (!judged) qrels.set(query, (judged = new Map()));
    judged.set(document, value);
  }
  const queriesFile = join(dir, 'queries.jsonl');
  const queries = jsonLines(queriesFile)
    .map((row) => ({ id: field(row, '_id', queriesFile), text: field(row, 'text', queriesFile) }))
    .filter((query) => qrels.has(query.id) && query.text.trim() !== '');
  return { name: basename(dir), documents: documents.filter((d) => d.text.trim() !== ''), queries, qrels };
}

function defaultQrels(dir: string): string {
  const found = [join(dir, 'qrels', 'test.tsv'), join(dir, 'qrels.tsv')].find((file) => existsSync(file));
  if (!found) throw new Error(`${dir}: no qrels/test.tsv or qrels.tsv`);
  return found;
}
