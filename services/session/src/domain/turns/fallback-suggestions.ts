import { keyTerms } from './standalone-question.ts';

const MAX_SUGGESTIONS = 3;

/**
 * What a failed turn offers instead of an answer: questions about the documents retrieval found
 * (so the user can go on from what exists), or, when nothing was retrieved, a narrower version
 * of the question. Never empty, so a client always has something to show.
 */
export function fallbackSuggestions(message: string, titles: readonly string[]): string[] {
  const terms = keyTerms(message).slice(0, 4).join(' ');
  const unique = [...new Set(titles.map((title) => title.trim()).filter(Boolean))].slice(0, MAX_SUGGESTIONS);
  if (unique.length > 0) {
    return unique.map((title) =>
      terms ? `What does "${title}" say about ${terms}?` : `What is "${title}" about?`,
    );
  }
  return terms
    ? [`Which documents mention ${terms}?`, 'Ask again in other words.']
    : ['Ask again in other words.'];
}
