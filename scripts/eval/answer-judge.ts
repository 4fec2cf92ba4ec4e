import {
  NOTHING_RELEVANT,
  NOTHING_RETRIEVED,
} from '../../services/generate/src/adapters/extractive/extractive-answer.ts';

export interface EvalQuestion {
  id: string;
  corpus: string;
  question: string;
  /** A case-insensitive regular expression the first sentence must match; null: nothing answers. */
  opening: string | null;
}

export interface OpeningVerdict {
  good: boolean;
  opening: string;
}

/**
 * The answer's opening: everything up to and including its first citation marker (the extractive
 * answerer closes every quoted sentence, row or code block with one), else its first line.
 */
export function openingOf(answer: string): string {
  const marker = /\[\d+\]/.exec(answer);
  const opening = marker ? answer.slice(0, marker.index + marker[0].length) : (answer.split('\n')[0] ?? '');
  return opening.trim();
}

const NOTHING = [NOTHING_RELEVANT, NOTHING_RETRIEVED];

/** Longer than this, an opening is a flattened block (a table, a code listing), not a sentence. */
export const MAX_OPENING_CHARS = 400;

/**
 * Good when the opening is readable (at most MAX_OPENING_CHARS) and states the expected fact,
 * or, with nothing to find, when the answer says so.
 */
export function judgeOpening(question: EvalQuestion, answer: string): OpeningVerdict {
  const opening = openingOf(answer);
  const saysNothing = NOTHING.some((sentence) => answer.trim().startsWith(sentence));
  if (question.opening === null) return { good: saysNothing, opening };
  const readable = opening.length <= MAX_OPENING_CHARS;
  return { good: !saysNothing && readable && new RegExp(question.opening, 'iu').test(opening), opening };
}
