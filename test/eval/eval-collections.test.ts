import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { readBeir } from '../../scripts/eval/beir-collection.ts';
import { readCranfield } from '../../scripts/eval/cranfield-collection.ts';

const fixtures = join(import.meta.dirname, 'fixtures');

describe('readCranfield', () => {
  const collection = readCranfield(join(fixtures, 'cranfield'));

  it('reads CRLF queries and numbers them by position, not by .I', () => {
    expect(collection.queries).toEqual([
      { id: '1', text: 'what similarity laws must be obeyed .' },
      { id: '2', text: 'what problems of heat conduction .' },
    ]);
  });

  it('inverts the grades (relevance = 5 - grade) and drops -1', () => {
    expect(collection.qrels.get('1')).toEqual(new Map([['cran-1', 3]]));
    expect(collection.qrels.get('2')).toEqual(
      new Map([
        ['cran-1', 1],
        ['cran-3', 4],
      ]),
    );
  });

  it('reads documents with their titles', () => {
    expect(collection.documents.map((d) => [d.id, d.title])).toEqual([
      ['cran-1', 'experimental investigation'],
      ['cran-2', 'simple shear flow'],
      ['cran-3', 'heat'],
    ]);
    expect(collection.documents[1]?.text).toBe('simple shear flow past a plate .');
  });
});

describe('readBeir', () => {
  const collection = readBeir(join(fixtures, 'beir'));

  it('reads corpus, judged queries only, and positive qrels after the header', () => {
    expect(collection.name).toBe('beir');
    expect(collection.documents.map((d) => d.id)).toEqual(['d1', 'd2']);
    expect(collection.queries).toEqual([
      { id: 'q1', text: 'what makes lift' },
      { id: 'q3', text: 'drag' },
    ]);
    expect(collection.qrels).toEqual(
      new Map([
        ['q1', new Map([['d1', 2]])],
        ['q3', new Map([['d2', 1]])],
      ]),
    );
  });

  it('names the file when the qrels are missing', () => {
    expect(() => readBeir(fixtures)).toThrow(/no qrels/);
  });
});
