import type { FlaggedPassage } from './answer-events.ts';
import type { NumberedPassage, SuggestPromptValues } from './ports.ts';
import { formatQuotedPassages } from './quoted-passages.ts';
import { attributeValue, sealedQuote } from './sealed-quote.ts';
import type { SuggestAction } from './suggestion-request.ts';

/** One line per action; attributeValue keeps each on its line, so none can pose as another. */
const actionLine = (action: SuggestAction) =>
  `- ${attributeValue(action.name)} (${attributeValue(action.category) || 'uncategorized'}): ${attributeValue(action.description)}`;

/**
 * What the suggestion template names. The subject's metrics and the passages are sealed as
 * quoted data (they come from the tenant's systems and documents); the actions come from the
 * caller's pack, one line each.
 */
export function suggestPromptValues(
  subject: string,
  actions: readonly SuggestAction[],
  passages: readonly NumberedPassage[],
  flagged: readonly FlaggedPassage[],
  maxSuggestions: number,
): SuggestPromptValues {
  return {
    subject: sealedQuote({ tag: 'subject', attributes: [], text: subject }),
    actions: actions.map(actionLine).join('\n'),
    passages: formatQuotedPassages(passages, flagged),
    max_suggestions: String(maxSuggestions),
  };
}
