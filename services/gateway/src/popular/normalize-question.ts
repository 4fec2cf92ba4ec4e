/**
 * Longest question that is counted. A question this long is almost never asked twice word for
 * word, and the cap bounds what one tenant's list can hold (the set's size times this).
 */
export const MAX_COUNTED_QUESTION_CHARS = 1_000;

/**
 * The form a question is counted under: trimmed, runs of white space made one space, lower-case,
 * so "What is lift?" and "  what  is LIFT?" are one entry. Undefined for a question not counted
 * (blank, or longer than MAX_COUNTED_QUESTION_CHARS).
 */
export function normalizeQuestion(question: string): string | undefined {
  const normalized = question.trim().replace(/\s+/g, ' ').toLowerCase();
  if (normalized.length === 0 || normalized.length > MAX_COUNTED_QUESTION_CHARS) return undefined;
  return normalized;
}
