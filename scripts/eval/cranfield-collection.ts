import {
  CRANFIELD_DIR,
  readCranfieldDocuments,
  readCranfieldQrels,
  readCranfieldQueries,
} from '../bench/cranfield.ts';
import type { LabeledCollection } from './collection.ts';

/** Cranfield (see its README's traps: query numbers are positions, grades are inverted, CRLF). */
export function readCranfield(dir = CRANFIELD_DIR): LabeledCollection {
  return {
    name: 'cranfield',
    documents: readCranfieldDocuments(dir),
    queries: readCranfieldQueries(dir),
    qrels: readCranfieldQrels(dir),
  };
}
