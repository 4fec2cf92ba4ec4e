import type { MessageRecord } from '../records.ts';

/*
 * The offline rewrite of a follow-up into a standalone search query: no model is asked. A message
 * that points back at the conversation ("what about its drawbacks?", "and that one?") or names
 * fewer than three terms of its own is searched for together with the key terms of the previous
 * answered question, so retrieval finds what the conversation is about. Any other message is
 * searched for as typed.
 */

/** Words that refer back to something said before. */
const BACK_REFERENCES = new Set(
  'it its it’s itself they them their theirs this that these those he him his she her one ones former latter same such there'.split(
    ' ',
  ),
);

/** Words that carry no topic of their own in a question. */
const FILLERS = new Set(
  (
    'a an and any are as at be been but by can could do does did for from had has have how i if in into is ' +
    'me my of on or our should so than the then to was we were what when where which who whom why will with ' +
    'would you your about also else more other tell explain describe give show please what’s whats ok okay ' +
    'thanks thank really just like vs versus'
  ).split(' '),
);

const MIN_OWN_TERMS = 3;
const MAX_CARRIED_TERMS = 8;

function words(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []).map((word) =>
    word.replace(/['’]s$/, ''),
  );
}

/** Topic words of a text, first occurrence order, without back-references or fillers. */
export function keyTerms(text: string): string[] {
  const seen = new Set<string>();
  for (const word of words(text)) {
    if (BACK_REFERENCES.has(word) || FILLERS.has(word) || word.length < 2) continue;
    seen.add(word);
  }
  return [...seen];
}

export function isFollowUp(message: string): boolean {
  return words(message).some((word) => BACK_REFERENCES.has(word)) || keyTerms(message).length < MIN_OWN_TERMS;
}

/**
 * The query retrieval searches for. `window` is the conversation before this message, oldest
 * first; the previous question whose turn answered is the one carried (a failed one may have
 * been off topic).
 */
export function standaloneQuestion(message: string, window: readonly MessageRecord[]): string {
  if (!isFollowUp(message)) return message;
  const previous = window.findLast(
    (m) => m.role === 'user' && m.status !== 'failed' && m.status !== 'running',
  );
  if (!previous) return message;
  const own = new Set(keyTerms(message));
  const carried = keyTerms(previous.content)
    .filter((term) => !own.has(term))
    .slice(0, MAX_CARRIED_TERMS);
  return carried.length > 0 ? `${message} ${carried.join(' ')}` : message;
}
