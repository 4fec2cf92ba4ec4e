// A seeded synthetic corpus and an offline embedder for it, so that search latency can be measured
// at any size without the embed service or a data set on disk.
import { createHash } from 'node:crypto';
import { normalizeRows, seededRandom } from './datasets.ts';

export interface SyntheticDocument {
  id: string;
  title: string;
  text: string;
}

const CONSONANTS = 'bcdfghjklmnprstvz';
const VOWELS = 'aeiou';

/**
 * Documents drawn from a Zipf-distributed vocabulary of made-up words, each around a topic of its
 * own (a handful of words it repeats), so that keyword search has rare and common terms to weigh
 * and a query taken from a document has a right answer.
 */
export function syntheticCorpus(count: number, seed: number, vocabularySize = 20_000): SyntheticDocument[] {
  const random = seededRandom(seed);
  const vocabulary: string[] = [];
  const seen = new Set<string>();
  while (vocabulary.length < vocabularySize) {
    let word = '';
    const syllables = 1 + Math.floor(random() * 4);
    for (let s = 0; s < syllables; s++) {
      word += CONSONANTS[Math.floor(random() * CONSONANTS.length)]!;
      word += VOWELS[Math.floor(random() * VOWELS.length)]!;
    }
    if (seen.has(word)) continue;
    seen.add(word);
    vocabulary.push(word);
  }
  // Zipf (s = 1) by inverse transform over the cumulative weights.
  const cumulative = new Float64Array(vocabularySize);
  let total = 0;
  for (let rank = 0; rank < vocabularySize; rank++) cumulative[rank] = total += 1 / (rank + 1);
  const zipfWord = (): string => {
    const target = random() * total;
    let low = 0;
    let high = vocabularySize - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return vocabulary[low]!;
  };
  const documents: SyntheticDocument[] = [];
  for (let i = 0; i < count; i++) {
    const topic = Array.from({ length: 5 }, () => vocabulary[Math.floor(random() * vocabularySize)]!);
    const words: string[] = [];
    const length = 60 + Math.floor(random() * 60);
    for (let w = 0; w < length; w++) {
      words.push(random() < 0.25 ? topic[Math.floor(random() * topic.length)]! : zipfWord());
    }
    documents.push({ id: `doc-${i}`, title: topic.slice(0, 2).join(' '), text: `${words.join(' ')}.` });
  }
  return documents;
}

/** A query of a few words of one document, mostly its topic words. */
export function queryFor(document: SyntheticDocument, random: () => number): string {
  const words = document.text.replace(/\.$/, '').split(' ');
  const picked = Array.from({ length: 3 + Math.floor(random() * 3) }, () => {
    return words[Math.floor(random() * words.length)]!;
  });
  return picked.join(' ');
}

/**
 * Dense embeddings without a model: every word gets a fixed random unit vector (seeded by its
 * hash) and a text is the normalised sum of its words' vectors, so texts sharing words are close.
 * Implements retrieve's Embedder interface (model + embed).
 */
export class RandomProjectionEmbedder {
  readonly model: string;
  readonly dimensions: number;
  readonly #words = new Map<string, Float32Array>();

  constructor(dimensions: number) {
    this.dimensions = dimensions;
    this.model = `bench-random-projection-${dimensions}`;
  }

  async embed(texts: string[]): Promise<number[][]> {
    return texts.map((text) => this.vector(text));
  }

  vector(text: string): number[] {
    const sum = new Float32Array(this.dimensions);
    for (const word of text.toLowerCase().match(/[a-z0-9]+/g) ?? []) {
      const vector = this.#wordVector(word);
      for (let d = 0; d < this.dimensions; d++) sum[d]! += vector[d]!;
    }
    sum[0]! += 1e-6; // never the zero vector, which has no direction
    normalizeRows(sum, this.dimensions);
    return Array.from(sum);
  }

  #wordVector(word: string): Float32Array {
    let vector = this.#words.get(word);
    if (!vector) {
      const random = seededRandom(createHash('sha1').update(word).digest().readUInt32BE(0));
      vector = new Float32Array(this.dimensions);
      for (let d = 0; d < this.dimensions; d++) vector[d] = random() * 2 - 1;
      normalizeRows(vector, this.dimensions);
      this.#words.set(word, vector);
    }
    return vector;
  }
}
