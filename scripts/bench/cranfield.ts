import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CranfieldDocument {
  id: string;
  title: string;
  text: string;
}

/** Where the shared copy of the collection lives beside the checkout. */
export const CRANFIELD_DIR = join(import.meta.dirname, '../../../shared/data/cranfield');

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
