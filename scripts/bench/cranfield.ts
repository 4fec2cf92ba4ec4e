import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CranfieldDocument {
  id: string;
  title: string;
  text: string;
}

/** Where the shared copy of the collection lives beside the checkout. */
export const CRANFIELD_DIR = join(import.meta.dirname, '../../data/cranfield');

export function cranfieldAvailable(dir = CRANFIELD_DIR): boolean {
  return existsSync(join(dir, 'cran.all.1400'));
}

/**
 * Parses cran.all.1400 (SMART format: .I id, .T title, .A, .B, .W abstract). The abstract already
 * begins with the title, so the abstract alone is the text (the title is kept as the title).
 */
export function readCranfieldDocuments(dir = CRANFIELD_DIR): CranfieldDocument[] {
  const raw = readFileSync(join(dir, 'cran.all.1400'), 'utf8').replace(/\r\n/g, '\n');
  return raw
    .split(/^\.I /m)
    .filter((block) => block.trim())
    .map((block) => {
      const id = block.split('\n', 1)[0]!.trim();
      const field = (tag: string) => {
        const match = new RegExp(`^\\.${tag}\\n([\\s\\S]*?)(?=^\\.[A-Z]\\n|(?![\\s\\S]))`, 'm').exec(block);
        return (match?.[1] ?? '').replace(/\s+/g, ' ').trim();
      };
      const title = field('T');
      return { id: `cran-${id}`, title, text: field('W') || title };
    })
    .filter((document) => document.text !== ''); // a few records of the collection are empty
}

export interface CranfieldQuery {
  /** The query's 1-based POSITION in cran.qry: what cranqrel calls it (not its .I number). */
  id: string;
  text: string;
}

/** Parses cran.qry (CRLF line endings; `.I number` then `.W` text). */
export function readCranfieldQueries(dir = CRANFIELD_DIR): CranfieldQuery[] {
  const raw = readFileSync(join(dir, 'cran.qry'), 'utf8').replace(/\r\n/g, '\n');
  return raw
    .split(/^\.I /m)
    .filter((block) => block.trim())
    .map((block, position) => {
      const text = block.split(/^\.W\n/m)[1] ?? '';
      return { id: String(position + 1), text: text.replace(/\s+/g, ' ').trim() };
    });
}

/**
 * Parses cranqrel into graded relevance per query position and document id (`cran-N`). Grades run
 * backwards (1 = complete answer ... 4 = minimal interest, -1 = none): relevance = 5 - grade for
 * grades 1..4, so 1 becomes 4; -1 is left out (relevance 0).
 */
export function readCranfieldQrels(dir = CRANFIELD_DIR): Map<string, Map<string, number>> {
  const qrels = new Map<string, Map<string, number>>();
  for (const line of readFileSync(join(dir, 'cranqrel'), 'utf8').split('\n')) {
    const [query, document, grade] = line.trim().split(/\s+/);
    if (!query || !document || grade === undefined) continue;
    const value = Number(grade);
    if (!(value >= 1 && value <= 4)) continue;
    let judged = qrels.get(query);
    if (!judged) qrels.set(query, (judged = new Map()));
    judged.set(`cran-${document}`, 5 - value);
  }
  return qrels;
}
