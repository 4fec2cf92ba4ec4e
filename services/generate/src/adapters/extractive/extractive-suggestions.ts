import type { NumberedPassage, SuggestContext } from '../../domain/ports.ts';
import { splitSentences } from './sentences.ts';
import { contentTerms } from './terms.ts';

/** One suggestion as the template asks a model for it, plus the passages it quotes. */
export interface ExtractiveSuggestion {
  action: string;
  target: string;
  rationale: string;
  revenue_delta_fraction: number;
  risk: number;
  effort_steps: number;
  days_to_value: number;
  citations: number[];
}

/**
 * Neutral effects for what a sentence does not state: no revenue claimed, a middling risk (the
 * offline suggester cannot judge it), one step, a month. The scorer still ranks them.
 */
const DEFAULT_EFFECTS = { revenue_delta_fraction: 0, risk: 0.5, effort_steps: 1, days_to_value: 30 };

/** Description words that are too common in a pack's descriptions to show which action is meant. */
const VAGUE_TERMS = new Set(['action', 'subject', 'node', 'improve', 'increase', 'reduce', 'make', 'use']);

/**
 * Terms as the matcher compares them: stemmed content words with a final "e" dropped, so that
 * "raise" (stem "raise") meets "raising" (stem "rais") and "fee" meets "fees".
 */
const matchTerms = (text: string) => new Set(contentTerms(text).map((term) => term.replace(/e$/, '')));

interface ActionTerms {
  name: string;
  /** Every one of these must be in the sentence: the action's name words (raise_fee: raise, fee). */
  nameTerms: Set<string>;
  /** Enough of these stand in for the name: the description's keywords. */
  descriptionTerms: Set<string>;
}

interface Match {
  sentence: string;
  passage: NumberedPassage;
  /** Name words count double: a sentence naming the action beats one echoing its description. */
  strength: number;
}

const intersect = (sentence: Set<string>, terms: Set<string>) =>
  [...terms].filter((t) => sentence.has(t)).length;

/** Fewer than this many description keywords in a sentence is a coincidence, not a mention. */
const MIN_DESCRIPTION_HITS = 3;

function strengthOf(sentence: Set<string>, action: ActionTerms): number {
  const named = action.nameTerms.size > 0 && intersect(sentence, action.nameTerms) === action.nameTerms.size;
  const described = intersect(sentence, action.descriptionTerms);
  const needed = Math.min(MIN_DESCRIPTION_HITS, action.descriptionTerms.size);
  if (named) return 2 * action.nameTerms.size + described;
  return needed > 0 && described >= needed ? described : 0;
}

/** The first percentage a sentence states, as a fraction; negative when signed or said to fall. */
function revenueDelta(sentence: string): number | undefined {
  const match = /([+\-−]?)(\d+(?:\.\d+)?)\s?(?:%|percent\b)/i.exec(sentence);
  if (!match) return undefined;
  // The three words before the number: "revenue fell by 5%", not "lowering fees raised it 8%".
  const before = sentence.slice(0, match.index).trim().split(/\s+/).slice(-3).join(' ').toLowerCase();
  const falling =
    match[1] === '-' || match[1] === '−' || /\b(?:fall|fell|drop|los[est]|declin|decreas)/.test(before);
  const fraction = Number(match[2]) / 100;
  return falling ? -Math.min(1, fraction) : Math.min(10, fraction);
}

/** The days until it shows, when the sentence says "in 3 days" or "within 2 weeks". */
function daysToValue(sentence: string): number | undefined {
  const match = /(\d+(?:\.\d+)?)\s*(day|week|month)s?\b/i.exec(sentence);
  if (!match) return undefined;
  const perUnit = { day: 1, week: 7, month: 30 }[
    (match[2] as string).toLowerCase() as 'day' | 'week' | 'month'
  ];
  return Math.min(365, Number(match[1]) * perUnit);
}

/**
 * The offline suggester, deterministic: for each allowed action (in the order given), the
 * retrieved sentence that mentions it best, either by all of its name's words (raise_fee: "raise
 * the fee") or by at least three of its description's keywords; the first such sentence in
 * passage order wins a tie. Each match becomes one suggestion for the subject, the sentence as
 * its rationale and its passage as its citation; the effects are what the sentence states (a
 * percentage, a number of days) or neutral defaults. The strongest matches are kept, at most
 * `maxSuggestions`, in the actions' order. Nothing matches: "[]".
 */
export function composeExtractiveSuggestions(context: SuggestContext): ExtractiveSuggestion[] {
  const sentences = context.passages.flatMap((passage) =>
    splitSentences(passage.text).map((sentence) => ({ sentence, passage, terms: matchTerms(sentence) })),
  );
  const matches = context.actions.flatMap((action, order) => {
    const nameTerms = matchTerms(action.name.replace(/[_-]+/g, ' '));
    const terms: ActionTerms = {
      name: action.name,
      nameTerms,
      descriptionTerms: new Set(
        [...matchTerms(action.description)].filter((term) => !nameTerms.has(term) && !VAGUE_TERMS.has(term)),
      ),
    };
    let best: Match | undefined;
    for (const { sentence, passage, terms: sentenceTerms } of sentences) {
      const strength = strengthOf(sentenceTerms, terms);
      if (strength > (best?.strength ?? 0)) best = { sentence, passage, strength };
    }
    return best ? [{ action: action.name, order, match: best }] : [];
  });
  const kept = [...matches]
    .sort((a, b) => b.match.strength - a.match.strength || a.order - b.order)
    .slice(0, context.maxSuggestions)
    .sort((a, b) => a.order - b.order);
  return kept.map(({ action, match }) => ({
    action,
    target: 'subject',
    rationale: `${match.sentence} [${match.passage.index}]`,
    ...DEFAULT_EFFECTS,
    ...definedOnly({
      revenue_delta_fraction: revenueDelta(match.sentence),
      days_to_value: daysToValue(match.sentence),
    }),
    citations: [match.passage.index],
  }));
}

const definedOnly = <T extends Record<string, number | undefined>>(values: T) =>
  Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<
    Record<keyof T, number>
  >;
