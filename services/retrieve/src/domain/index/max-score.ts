import { topK } from './top-k.ts';

/** One query term as the top-k scorer sees it. */
export interface ScoredTerm<C> {
  /** The chunks holding the term, each with its term frequency. */
  postings: ReadonlyMap<C, number>;
  /** This term's share of a chunk's score: never more than `bound`. */
  impact: (chunk: C, tf: number) => number;
  /** An upper bound of `impact` over every chunk of `postings`. */
  bound: number;
}

export interface TopKScoring<C> {
  /** Whether a chunk may be returned (the search filter); asked once per chunk at most. */
  isAllowed: (chunk: C) => boolean;
  /** Whether a ranks above b at the same score (the tie break; must be a total order). */
  tieBefore: (a: C, b: C) => boolean;
  /** A small integer naming each chunk, below `slots`: partial scores live in a typed array. */
  slotOf: (chunk: C) => number;
  slots: number;
  /** Score every posting (the reference the pruned scorer must equal). */
  exhaustive?: boolean;
}

// Bounds are sums of floating-point bounds compared with floating-point partial scores: a little
// slack keeps a rounding error from ever pruning a chunk that would have tied its way in.
const SLACK = 1 + 1e-9;

/**
 * The `limit` best chunks by the sum of their terms' impacts, best first, with MaxScore pruning
 * (Turtle & Flood, 1995) in term-at-a-time form. Terms are taken in decreasing order of bound.
 * Once the k-th best partial score so far, θ, exceeds the summed bounds of the terms left, a chunk
 * not yet seen cannot reach the top k (partial scores only grow), so the remaining — common,
 * low-impact — posting lists are never walked: the candidates look the terms up instead, and a
 * candidate that cannot reach θ any more is dropped. The result equals exhaustive scoring exactly:
 * every term is added in the same order whether pruned or not, so even the floating-point sums are
 * the same, and only chunks strictly below the final k-th score are ever left out.
 */
export function maxScoreTopK<C>(
  terms: Array<ScoredTerm<C>>,
  limit: number,
  { isAllowed, tieBefore, slotOf, slots, exhaustive = false }: TopKScoring<C>,
): Array<[C, number]> {
  if (limit <= 0) return [];
  const ordered = [...terms].sort((x, y) => y.bound - x.bound);
  // remaining[i]: the most the terms from i on can still add to any chunk.
  const remaining = new Float64Array(ordered.length + 1);
  for (let i = ordered.length - 1; i >= 0; i--) remaining[i] = remaining[i + 1]! + ordered[i]!.bound;
  // Partial scores by slot; seen: 0 not yet met, 1 scored, 2 filtered out.
  const scores = new Float64Array(slots);
  const seen = new Uint8Array(slots);
  const touched: C[] = [];
  let best = 0;
  let next = 0;
  for (; next < ordered.length; next++) {
    if (!exhaustive && touched.length >= limit && remaining[next]! * SLACK < best) {
      const partials = new Float64Array(touched.length);
      for (let i = 0; i < touched.length; i++) partials[i] = scores[slotOf(touched[i]!)]!;
      if (remaining[next]! * SLACK < kthLargest(partials, limit)) break;
    }
    const { postings, impact } = ordered[next]!;
    for (const [chunk, tf] of postings) {
      const slot = slotOf(chunk);
      const state = seen[slot];
      if (state === 2) continue;
      if (state === 0) {
        if (!isAllowed(chunk)) {
          seen[slot] = 2;
          continue;
        }
        seen[slot] = 1;
        touched.push(chunk);
      }
      const score = scores[slot]! + impact(chunk, tf);
      scores[slot] = score;
      if (score > best) best = score;
    }
  }
  let candidates: Array<[C, number]> = [];
  if (next === ordered.length) {
    for (const chunk of touched) candidates.push([chunk, scores[slotOf(chunk)]!]);
  } else {
    // Only chunks that can still reach θ become candidates.
    const partials = new Float64Array(touched.length);
    for (let i = 0; i < touched.length; i++) partials[i] = scores[slotOf(touched[i]!)]!;
    const threshold = kthLargest(partials, limit);
    for (const chunk of touched) {
      const score = scores[slotOf(chunk)]!;
      if ((score + remaining[next]!) * SLACK >= threshold) candidates.push([chunk, score]);
    }
  }
  for (; next < ordered.length; next++) {
    const threshold = kthLargest(
      Float64Array.from(candidates, ([, score]) => score),
      limit,
    );
    candidates = candidates.filter(([, score]) => (score + remaining[next]!) * SLACK >= threshold);
    const { postings, impact } = ordered[next]!;
    for (const candidate of candidates) {
      const tf = postings.get(candidate[0]);
      if (tf !== undefined) candidate[1] += impact(candidate[0], tf);
    }
  }
  return topK(candidates, limit, ([x, sx], [y, sy]) => sx > sy || (sx === sy && tieBefore(x, y)));
}

/**
 * The k-th largest value (-Infinity when there are fewer), by quickselect: linear, in place (the
 * array is reordered), no allocation — it runs over every partial score seen so far.
 */
export function kthLargest(values: Float64Array, k: number): number {
  if (k <= 0 || values.length < k) return -Infinity;
  const target = k - 1; // index of the k-th largest once ordered descending
  let low = 0;
  let high = values.length - 1;
  while (low < high) {
    const pivot = values[(low + high) >> 1]!;
    let i = low;
    let j = high;
    while (i <= j) {
      while (values[i]! > pivot) i++;
      while (values[j]! < pivot) j--;
      if (i <= j) {
        const held = values[i]!;
        values[i] = values[j]!;
        values[j] = held;
        i++;
        j--;
      }
    }
    if (target <= j) high = j;
    else if (target >= i) low = i;
    else return values[target]!;
  }
  return values[target]!;
}
