// Measures keyword (BM25) analyzer and parameter choices on a labeled collection in-process, with
// the retrieve service's own analyzer, index and chunker but no fleet and no embeddings: the table
// behind the analyzer defaults. Run: node scripts/eval/tune-keyword.ts [--beir DIR]
import { parseArgs } from 'node:util';
import { DEFAULT_ANALYZER, type AnalyzerOptions } from '../../services/retrieve/src/domain/index/analyzer.ts';
import { Bm25Index } from '../../services/retrieve/src/domain/index/bm25-index.ts';
import { chunkText } from '../../services/retrieve/src/domain/chunking/chunker.ts';
import { readBeir } from './beir-collection.ts';
import { readCranfield } from './cranfield-collection.ts';
import { mean, scoreQuery, uniqueDocuments } from './metrics.ts';

const { values } = parseArgs({ options: { beir: { type: 'string' } } });
const collection = values.beir ? readBeir(values.beir) : readCranfield();
const queries = collection.queries.filter((query) => collection.qrels.has(query.id));

interface Variant {
  name: string;
  analyzer: AnalyzerOptions;
  titleWeight: number;
  k1: number;
  b: number;
  feedback?: { documents: number; terms: number; weight: number };
}

const base: Variant = { name: '', analyzer: DEFAULT_ANALYZER, titleWeight: 0, k1: 0.9, b: 0.4 };
const plain = { ...DEFAULT_ANALYZER, stopWords: true, stemming: false };
const variants: Variant[] = [
  { ...base, name: 'no stop words, no stemming', analyzer: { ...plain, stopWords: false } },
  { ...base, name: 'stop words (README baseline)', analyzer: plain },
  { ...base, name: 'stop words + Porter stemming', analyzer: DEFAULT_ANALYZER },
  { ...base, name: 'stemming, no stop words', analyzer: { ...DEFAULT_ANALYZER, stopWords: false } },
  { ...base, name: 'stop + stem, min token 2', analyzer: { ...DEFAULT_ANALYZER, minTokenLength: 2 } },
  { ...base, name: 'stop + stem, title x1', titleWeight: 1 },
  { ...base, name: 'stop + stem, title x2', titleWeight: 2 },
  { ...base, name: 'stop + stem, title x1', titleWeight: 1, k1: 1.2, b: 0.75 },
  { ...base, name: 'stop + stem, title x1', titleWeight: 1, k1: 1.2, b: 0.5 },
  { ...base, name: 'stop + stem, title x1', titleWeight: 1, k1: 1.5, b: 0.75 },
  { ...base, name: 'stop + stem, title x1', titleWeight: 1, k1: 2.0, b: 0.75 },
  { ...base, name: 'stop + stem, no title field', k1: 1.2, b: 0.75 },
  { ...base, name: 'stop + stem, title x2', titleWeight: 2, k1: 1.5, b: 0.75 },
  { ...base, name: 'stop + stem, title x2', titleWeight: 2, k1: 2.0, b: 0.75 },
  { ...base, name: 'stop + stem, title x3', titleWeight: 3, k1: 2.0, b: 0.75 },
  { ...base, name: 'stop + stem, title x2', titleWeight: 2, k1: 2.0, b: 0.9 },
  { ...base, name: 'stop + stem, title x2', titleWeight: 2, k1: 3.0, b: 0.75 },
  ...[
    { documents: 5, terms: 10, weight: 0.3 },
    { documents: 10, terms: 10, weight: 0.3 },
    { documents: 5, terms: 20, weight: 0.5 },
    { documents: 10, terms: 20, weight: 0.5 },
    { documents: 10, terms: 30, weight: 0.4 },
  ].map((feedback) => ({
    ...base,
    name: `title x2 + RM3 ${feedback.documents} docs ${feedback.terms} terms w ${feedback.weight}`,
    titleWeight: 2,
    k1: 2.0,
    b: 0.75,
    feedback,
  })),
];

console.log(`| analyzer / params | nDCG@10 | recall@10 | recall@100 | MRR |`);
console.log(`|---|---|---|---|---|`);
for (const variant of variants) {
  const index = new Bm25Index({
    analyzer: variant.analyzer,
    titleWeight: variant.titleWeight,
    params: { k1: variant.k1, b: variant.b, ...(variant.feedback ? { feedback: variant.feedback } : {}) },
  });
  for (const document of collection.documents) {
    const chunks = chunkText(document.text, { size: Number(process.env.CHUNK_SIZE ?? 1000), overlap: 150 });
    index.upsertDocument(
      'eval',
      document.id,
      chunks.map((chunk, n) => ({
        chunkId: `${document.id}#${n}`,
        documentId: document.id,
        title: document.title,
        text: chunk.text,
        metadata: {},
      })),
    );
  }
  const scores = mean(
    queries.map((query) => {
      const hits = index.search('eval', query.text, 100);
      const ranked = uniqueDocuments(hits.map((hit) => hit.documentId));
      return scoreQuery(ranked, collection.qrels.get(query.id) ?? new Map());
    }),
  );
  const f = (value: number) => value.toFixed(3);
  console.log(
    `| ${variant.name} (k1 ${variant.k1}, b ${variant.b}) | ${f(scores.ndcg10)} | ${f(scores.recall10)} | ${f(scores.recall100)} | ${f(scores.mrr)} |`,
  );
}
