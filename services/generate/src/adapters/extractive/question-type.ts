import { contentTerms } from './terms.ts';

/**
 * What kind of answer a question wants, read from its wording:
 * - `value`: a number or a setting ("which port", "how many", "what is the default ..."),
 * - `how`: a way to do something ("how do I", "how to"),
 * - `why`: a reason,
 * - `what`: a definition or a description ("what is X", "what does X do"),
 * - `other`: anything else (a bare keyword query).
 */
export type QuestionKind = 'value' | 'how' | 'why' | 'what' | 'other';

export interface QuestionType {
  kind: QuestionKind;
  /**
   * The terms of the phrase the question asks about, stemmed: "grpc" and "port" in "which gRPC
   * port does ...", "log" and "level" in "what is the default log level". Empty for other shapes.
   */
  focus: string[];
  /** Whether the question asks for a default, so a unit that states one answers it best. */
  wantsDefault: boolean;
}

/** Nouns that ask for a quantity or a literal value when the question names them. */
const VALUE_NOUNS = new Set(
  (
    'port ports number count size limit timeout value values status code version default defaults ttl ' +
    'length duration interval delay lifetime seconds ms minutes bytes key name level levels address ' +
    'attempts percent rate'
  ).split(' '),
);

/** Words that name no subject ("what happens", "the default"): never a focus. */
const GENERIC_TERMS = new Set(['default', 'happen', 'thing', 'way', 'kind', 'type', 'option', 'setting']);

const HOW_MANY = /^\s*how\s+(many|much|long|often|big|large|old|fast|high|low)\b\s*(.*)$/i;
const HOW_TO = /^\s*how\s+(do|does|can|could|should|would|to|is|are)\b/i;
const WHICH_OR_WHAT = /^\s*(which|what)\b\s*(.*)$/i;
/** Where the asked-about phrase ends: "which port DOES ...", "what is the default size OF ...". */
const PHRASE_END =
  /\b(?:does|do|did|is|are|was|were|can|could|should|will|would|has|have|must|of|for|in|on|to|when|if|that)\b|[?,]/i;

function phraseTerms(rest: string): { words: string[]; terms: string[] } {
  // "what does the base option add": the subject after the auxiliary is what it is about.
  const auxiliary = /^\s*(?:does|do|did|can|should|will|would)\s+(.*)$/i.exec(rest);
  if (auxiliary) {
    const subject = contentTerms(auxiliary[1] ?? '').find((term) => !GENERIC_TERMS.has(term));
    return { words: [], terms: subject ? [subject] : [] };
  }
  const phrase = rest.replace(/^\s*(?:is|are)\s+/i, '').split(PHRASE_END)[0] ?? '';
  const words = phrase.toLowerCase().match(/[\p{L}\p{N}_-]+/gu) ?? [];
  return { words, terms: contentTerms(phrase).filter((term) => !GENERIC_TERMS.has(term)) };
}

export function questionType(question: string): QuestionType {
  const wantsDefault = /\bdefaults?\b/i.test(question);
  const howMany = HOW_MANY.exec(question);
  if (howMany) return { kind: 'value', focus: phraseTerms(howMany[2] ?? '').terms, wantsDefault };
  if (/^\s*why\b/i.test(question)) return { kind: 'why', focus: [], wantsDefault };
  if (HOW_TO.test(question)) return { kind: 'how', focus: [], wantsDefault };
  const which = WHICH_OR_WHAT.exec(question);
  if (which) {
    const { words, terms } = phraseTerms(which[2] ?? '');
    const asksValue = words.some((word) => VALUE_NOUNS.has(word)) || /^\s*which\b/i.test(question);
    return { kind: asksValue ? 'value' : 'what', focus: terms, wantsDefault };
  }
  return { kind: wantsDefault ? 'value' : 'other', focus: [], wantsDefault };
}
