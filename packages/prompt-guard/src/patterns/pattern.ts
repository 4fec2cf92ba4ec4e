import type { InjectionReason } from '../verdict.ts';

/** One heuristic: a regular expression over normalized text (lower case, no accents). */
export interface Pattern {
  id: string;
  reason: InjectionReason;
  regex: RegExp;
}

/** An alternation of regular-expression sources. */
export const oneOf = (...alternatives: string[]) => `(?:${alternatives.join('|')})`;

/** Between two parts of a phrase: punctuation or spaces, with at most `words` other words. */
export const gap = (words: number) => String.raw`(?:\W+\w+){0,${words}}?\W+`;

export function pattern(id: string, reason: InjectionReason, source: string, flags = ''): Pattern {
  return { id, reason, regex: new RegExp(source, flags) };
}
