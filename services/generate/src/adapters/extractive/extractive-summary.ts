import type { ChatMessage } from '../../domain/ports.ts';
import { splitSentences } from './sentences.ts';
import { contentTerms, countWords } from './terms.ts';

/** How an offline summary begins: it says that no model wrote it. */
export const EXTRACTIVE_SUMMARY_PREFIX = 'Extractive summary (no model): ';

/** Citation markers point into one answer's passages; in a summary they point nowhere. */
const CITATIONS = /\s*(?:\[\d+\])+/g;

const normalized = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

interface Point {
  text: string;
  /** What makes two points the same, whoever said them. */
  key: string;
}

const point = (label: string, sentence: string): Point => ({
  text: `${label}${sentence}`,
  key: normalized(sentence),
});

/** The sentence that carries a message: a user's question, or the opening of a reply. */
function keySentence(message: ChatMessage): Point | undefined {
  const text = message.content.replace(CITATIONS, '');
  const sentences = splitSentences(text, 1);
  if (message.role === 'assistant') {
    const opening = sentences[0];
    return opening === undefined ? undefined : point('Assistant: ', opening);
  }
  const question = sentences.find((sentence) => /\?["')\]]*$/.test(sentence));
  if (question) return point('User asked: ', question);
  // No question: the statement with the most distinct content terms, the first on a tie.
  let best: string | undefined;
  let bestTerms = -1;
  for (const sentence of sentences) {
    const terms = new Set(contentTerms(sentence)).size;
    if (terms > bestTerms) [best, bestTerms] = [sentence, terms];
  }
  return best === undefined ? undefined : point('User said: ', best);
}

/** The points of a summary this function wrote (or a model's prose, sentence by sentence). */
function previousPoints(summary: string): Point[] {
  const body = summary.trim().startsWith(EXTRACTIVE_SUMMARY_PREFIX.trim())
    ? summary.trim().slice(EXTRACTIVE_SUMMARY_PREFIX.trim().length)
    : summary;
  return splitSentences(body, 1).map((sentence) => ({
    text: sentence,
    key: normalized(sentence.replace(/^(?:User asked|User said|Assistant):\s*/, '')),
  }));
}

/** ASCII, so that the next fold still splits the cut point from the one after it. */
const CUT_MARK = '...';

/** The first `words` words of a text, marked as cut. */
function cut(text: string, words: number): string {
  const kept = text.split(/\s+/).slice(0, words).join(' ');
  return `${kept.replace(/[\s,;:.!?]+$/, '')}${CUT_MARK}`;
}

/**
 * Takes points in order while they fit `budget` words; the first that does not fit is cut to the
 * words left (when a few are) and ends the run.
 */
function fitting(points: readonly Point[], budget: number): { taken: string[]; words: number; cut: boolean } {
  const taken: string[] = [];
  let words = 0;
  for (const { text } of points) {
    const size = countWords(text);
    if (words + size <= budget) {
      taken.push(text);
      words += size;
      continue;
    }
    const left = budget - words;
    if (left >= 4) {
      taken.push(cut(text, left));
      words += left;
      return { taken, words, cut: true };
    }
    break;
  }
  return { taken, words, cut: false };
}

/**
 * The offline summary, deterministic: the previous summary's points first (its earliest ones, up
 * to about half the word budget, more when the new messages leave room), then the key sentence
 * of each new message in order (a user's question, else the user's richest statement; the first
 * sentence of each reply), never the same point twice, stopping at `maxWords` words in all.
 * Keeping the earliest points is what keeps a conversation's first facts through every fold.
 */
export function composeExtractiveSummary(
  previousSummary: string,
  messages: readonly ChatMessage[],
  maxWords: number,
): string {
  const budget = Math.max(1, maxWords - countWords(EXTRACTIVE_SUMMARY_PREFIX));
  const seen = new Set<string>();
  const unique = (points: Point[]) =>
    points.filter((candidate) => {
      if (candidate.key === '' || seen.has(candidate.key)) return false;
      seen.add(candidate.key);
      return true;
    });
  const earlier = unique(previousPoints(previousSummary));
  const fresh = unique(messages.flatMap((message) => keySentence(message) ?? []));

  const kept = fitting(earlier, earlier.length > 0 && fresh.length > 0 ? Math.floor(budget / 2) : budget);
  const added = fitting(fresh, budget - kept.words);
  // What the new messages left unused keeps more of the earlier summary, still in its order
  // (whole points only: a cut one would sit in the middle).
  const room = kept.cut ? 0 : budget - kept.words - added.words;
  const more = fitting(earlier.slice(kept.taken.length), room);
  const exact = more.cut ? more.taken.slice(0, -1) : more.taken;
  return `${EXTRACTIVE_SUMMARY_PREFIX}${[...kept.taken, ...exact, ...added.taken].join(' ')}`.trim();
}
