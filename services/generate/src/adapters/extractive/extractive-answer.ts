import type { NumberedPassage } from '../../domain/ports.ts';
import { markdownUnits, type QuotableUnit } from './markdown-units.ts';
import { readablePieces } from './passage-pieces.ts';
import { identifiersOf, mentions } from './identifiers.ts';
import { questionType, type QuestionType } from './question-type.ts';
import { contentTerms } from './terms.ts';

export interface ExtractiveOptions {
  /** How many units (sentences, table rows, code blocks) the answer quotes at most. */
  maxSentences: number;
  /** Units scoring below this share of the best one are left out as weak evidence. */
  minRelativeScore: number;
  /**
   * The least share of the question's weight (rarer terms weigh more; a term no passage contains
   * weighs most) the opening must cover; below it, nothing retrieved answers the question.
   */
  minCoverage: number;
}

export const DEFAULT_EXTRACTIVE_OPTIONS: ExtractiveOptions = {
  maxSentences: 3,
  minRelativeScore: 0.5,
  minCoverage: 0.5,
};

export const NOTHING_RETRIEVED =
  'I found no passages in the indexed documents for this question, so I cannot answer it.';
export const NOTHING_RELEVANT =
  'The retrieved passages do not mention what this question asks about, so I cannot answer it from the indexed documents.';

interface Candidate {
  unit: QuotableUnit;
  /** Terms of the unit itself, and of the headings above it (context, weighed less). */
  terms: Set<string>;
  context: Set<string>;
  length: number;
  passage: number;
  /** The unit's place among all candidates, in passage order: what follows what. */
  order: number;
  key: string;
  score: number;
  covered: number;
}

/** One piece of the answer as it is streamed: a quoted unit with its citation marker. */
export interface AnswerPart {
  text: string;
  passage: number;
}

export interface ExtractiveAnswer {
  text: string;
  /** The answer in the pieces it streams in: the opening first. Empty when nothing answers. */
  parts: AnswerPart[];
  /** Citation numbers quoted, in answer order; empty when nothing relevant was found. */
  cited: number[];
}

const HAS_NUMBER = /(?<![\p{L}_])\d+(?:[.,]\d+)*(?![\p{L}_])/u;
const HAS_LITERAL = /`[^`]+`|'[^'\s]+'/;
const DEFINITION = /\b(?:is|are|means|works by|lets|enables|holds|owns)\b/i;
const REASON = /\b(?:because|since|so that|so|derived|therefore|thus)\b/i;
const INSTRUCTION =
  /^(?:to\s|use\b|pass\b|set\b|run\b|call\b|add\b|install\b|supply\b|create\b|generate\b|instantiate\b)|\bby (?:passing|setting|using|calling|adding|running)\b|\buse (?:the |a )?`/i;
const DEFAULT_STATEMENT =
  /^defaults?\s*:|\bdefaults?\s*:|\bdefaults? (?:to|is)\b|\(default\b|\bby default\b/i;
/** A goal restated ("Let's assume we want ..."): its answer is what the document says next. */
const RESTATEMENT =
  /^(?:let's|let us)\s+(?:assume|say|suppose)\b|^(?:suppose|imagine)\b|^if you want\b|\bwe want to\b/i;
/** Pointers to elsewhere ("See the api docs") answer nothing by themselves. */
const POINTER = /^(?:see|read|refer to|cf\.)\b/i;

/** Puts the marker before the closing punctuation: "... runs hot [2]." */
function withCitation(sentence: string, index: number): string {
  const trimmed = sentence.replace(/[\s;,:—-]+$/, '');
  // An ellipsis ("retrieve, ...)") is not the sentence's end: the marker goes after it.
  const match = /(?<!\.)[.!?]["')\]]*$/.exec(trimmed);
  if (!match) return `${trimmed} [${index}].`;
  return `${trimmed.slice(0, match.index)} [${index}]${trimmed.slice(match.index)}`;
}

function render(candidate: Candidate): string {
  const { unit, passage } = candidate;
  if (unit.kind === 'code') return `\`\`\`${unit.language}\n${unit.text}\n\`\`\`\n[${passage}]`;
  // "Default: `5`" means something only under its heading: quote the heading with it.
  const heading = unit.headings.at(-1);
  if (unit.kind === 'sentence' && candidate.length < 4 && heading) {
    return withCitation(`${heading}: ${unit.text}`, passage);
  }
  return withCitation(unit.text, passage);
}

/** Case, spacing and punctuation aside: what makes two quotes the same. */
const normalized = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

function candidatesOf(query: string, passages: NumberedPassage[]): Candidate[] {
  // Text that carries the whole question (an example command that asks it) repeats it; it does
  // not answer it.
  const asked = normalized(query);
  const repeatsQuestion = (key: string) => asked.split(' ').length >= 3 && key.includes(asked);
  const seen = new Set<string>();
  const candidates: Candidate[] = [];
  for (const passage of passages) {
    for (const piece of readablePieces(passage)) {
      for (const unit of markdownUnits(piece)) {
        // Question sentences ask; they never answer. The same text cited twice is quoted once.
        if (unit.kind === 'sentence' && /\?["')]*$/.test(unit.text)) continue;
        const key = normalized(unit.text);
        if (key === '' || seen.has(key) || repeatsQuestion(key)) continue;
        seen.add(key);
        const terms = contentTerms(unit.text);
        candidates.push({
          unit,
          terms: new Set(terms),
          context: new Set(unit.headings.flatMap((heading) => contentTerms(heading))),
          length: terms.length,
          passage: passage.index,
          order: candidates.length,
          key,
          score: 0,
          covered: 0,
        });
      }
    }
  }
  return candidates;
}

/** How much better a unit's shape fits what the question asks for. */
function shapeFactor(candidate: Candidate, type: QuestionType, identifiers: readonly string[]): number {
  const { unit } = candidate;
  const text = unit.text;
  let factor = 1;
  const focusHits = type.focus.filter((term) => candidate.terms.has(term) || candidate.context.has(term));
  if (type.focus.length > 0) factor *= 1 + (0.3 * focusHits.length) / type.focus.length;
  // Under a heading about the thing asked for, a unit is about it too.
  if (type.focus.length > 0 && type.focus.every((term) => candidate.context.has(term))) factor *= 1.3;
  // A name spelled exactly as the question spells it (`NOT_FOUND`) is the strongest match there is.
  const lower = text.toLowerCase();
  const heading = (unit.headings.at(-1) ?? '').toLowerCase();
  if (identifiers.some((name) => mentions(lower, name) || mentions(heading, name))) factor *= 2.5;
  switch (type.kind) {
    case 'value':
      // A value question wants a value: a number, or a literal (`info`, 'msg').
      if (unit.kind === 'code') factor *= 0.5;
      else if (HAS_NUMBER.test(text)) factor *= 1.6;
      else if (HAS_LITERAL.test(text)) factor *= 1.4;
      else factor *= 0.7;
      if (type.wantsDefault && /\bdefaults?\b/i.test(text)) factor *= 1.3;
      // "Default: `'info'`", "defaults to `info`": a default stated as a value.
      if (
        type.wantsDefault &&
        DEFAULT_STATEMENT.test(text) &&
        (HAS_NUMBER.test(text) || HAS_LITERAL.test(text))
      ) {
        factor *= 1.5;
      }
      break;
    case 'how':
      if (unit.kind === 'code') factor *= 0.7;
      else if (INSTRUCTION.test(text) || RESTATEMENT.test(text)) factor *= 1.4;
      break;
    case 'what':
      if (unit.kind === 'code') factor *= 0.4;
      else if (DEFINITION.test(text)) factor *= 1.25;
      break;
    case 'why':
      if (unit.kind === 'code') factor *= 0.4;
      else if (REASON.test(text)) factor *= 1.3;
      break;
    case 'other':
      break;
  }
  if (unit.kind !== 'code' && POINTER.test(text)) factor *= 0.4;
  // A unit of two or three words ("Default: `5`") says something only with its heading.
  if (candidate.length < 3 && ![...candidate.context].some((term) => type.focus.includes(term)))
    factor *= 0.6;
  return factor;
}

function nothing(text: string): ExtractiveAnswer {
  return { text, parts: [], cited: [] };
}

/**
 * The offline answerer: quotes the retrieved units (sentences, table rows with their header,
 * code blocks) that best answer the question. A unit scores the IDF weights of the question's
 * terms it contains (rare terms count more), half as much for terms only its headings contain,
 * times how well its shape fits the question (a "which port" question wants a number, a "how"
 * question an instruction), damped for very long units. The best one opens the answer; the next
 * few follow if they are nearly as good. When the best unit covers too little of the question,
 * or the thing asked about appears in no passage, it says so instead. Deterministic: same input,
 * same answer. A conversation's `searchQuery` (the follow-up rewritten as a standalone question)
 * adds its terms to the question's: they score units, the question alone decides their shape.
 */
export function composeExtractiveAnswer(
  query: string,
  passages: NumberedPassage[],
  options: ExtractiveOptions = DEFAULT_EXTRACTIVE_OPTIONS,
  searchQuery = '',
): ExtractiveAnswer {
  if (passages.length === 0) return nothing(NOTHING_RETRIEVED);
  // The question's wording says what kind of answer it wants; a follow-up's standalone rewrite
  // ("drawbacks hnsw graph" for "what about its drawbacks?") adds the terms it is about.
  const queryTerms = [...new Set([...contentTerms(query), ...contentTerms(searchQuery)])];
  const candidates = candidatesOf(query, passages);
  if (queryTerms.length === 0 || candidates.length === 0) return nothing(NOTHING_RELEVANT);
  const type = questionType(query);
  const identifiers = identifiersOf(query);

  const total = candidates.length;
  const idf = new Map(
    queryTerms.map((term) => {
      const df = candidates.filter((c) => c.terms.has(term) || c.context.has(term)).length;
      // A term no passage contains weighs most: missing it is the strongest sign of no answer.
      return [term, Math.log(1 + total / Math.max(df, 1))];
    }),
  );
  const weightOf = (term: string) => idf.get(term) ?? 0;
  const totalWeight = queryTerms.reduce((sum, term) => sum + weightOf(term), 0);
  const present = (term: string) => candidates.some((c) => c.terms.has(term) || c.context.has(term));
  if (type.focus.some((term) => !present(term))) return nothing(NOTHING_RELEVANT);

  for (const candidate of candidates) {
    let matched = 0;
    let covered = 0;
    for (const term of queryTerms) {
      if (candidate.terms.has(term)) {
        matched += weightOf(term);
        covered += weightOf(term);
      } else if (candidate.context.has(term)) {
        matched += 0.5 * weightOf(term);
        covered += weightOf(term);
      }
    }
    candidate.covered = totalWeight > 0 ? covered / totalWeight : 0;
    // Naming exactly what the question names (`NOT_FOUND`) covers it, whatever else it asks.
    const text = candidate.unit.text.toLowerCase();
    if (identifiers.some((name) => mentions(text, name))) {
      candidate.covered = Math.max(candidate.covered, options.minCoverage);
    }
    const damping = 1 + Math.max(0, candidate.length - 30) / 30;
    candidate.score = matched === 0 ? 0 : (matched * shapeFactor(candidate, type, identifiers)) / damping;
  }

  // Only a unit that covers enough of the question may open the answer; others may follow it.
  const ranked = candidates
    .filter((candidate) => candidate.score > 0)
    .sort((a, b) => b.score - a.score || a.order - b.order);
  // A code block is shown after the sentence that introduces it; it opens only when no prose can.
  const covering = ranked.filter((candidate) => candidate.covered >= options.minCoverage);
  const best = covering.find((candidate) => candidate.unit.kind !== 'code') ?? covering[0];
  if (!best) return nothing(NOTHING_RELEVANT);

  const opening = answerAfterRestatement(best, candidates);
  const chosen: Candidate[] = [opening];
  const isRepeat = (candidate: Candidate) =>
    chosen.some((other) => other.key.includes(candidate.key) || candidate.key.includes(other.key));
  // A "how" answer that opens with an instruction shows the code block right after it.
  const following = candidates[opening.order + 1];
  if (type.kind === 'how' && following?.unit.kind === 'code' && following.passage === opening.passage) {
    chosen.push(following);
  }
  for (const candidate of ranked) {
    if (chosen.length >= options.maxSentences) break;
    if (candidate.score < best.score * options.minRelativeScore) break;
    if (candidate === best && opening !== best) continue;
    if (!isRepeat(candidate)) chosen.push(candidate);
  }
  const parts = withSeparators(chosen);
  return {
    text: parts.map((part) => part.text).join(''),
    parts,
    cited: [...new Set(chosen.map((candidate) => candidate.passage))],
  };
}

/** Each part with what separates it from the one before: a space between prose, a blank line around code. */
function withSeparators(chosen: readonly Candidate[]): AnswerPart[] {
  return chosen.map((candidate, i) => {
    const previous = chosen[i - 1];
    const separator =
      previous === undefined
        ? ''
        : previous.unit.kind === 'code' || candidate.unit.kind === 'code'
          ? '\n\n'
          : ' ';
    return { text: separator + render(candidate), passage: candidate.passage };
  });
}

/** The sentence after a restated goal, when the document goes on in the same passage. */
function answerAfterRestatement(best: Candidate, candidates: readonly Candidate[]): Candidate {
  const next = candidates[best.order + 1];
  const restates = best.unit.kind === 'sentence' && RESTATEMENT.test(best.unit.text);
  return restates && next?.unit.kind === 'sentence' && next.passage === best.passage ? next : best;
}
