import { decodePayloads, type DecodedPayload } from './encodings.ts';
import { decodeTagPayload, hasHiddenCharacters, INVISIBLE_FOR_MATCHING } from './invisible.ts';
import { normalizeForMatching } from './normalize.ts';
import { compactSkeleton, despaceLetters } from './obfuscation.ts';
import { COMPACT } from './patterns/compact.ts';
import { DIRECTIVES } from './patterns/directives.ts';
import { ENGLISH } from './patterns/english.ts';
import { FRENCH } from './patterns/french.ts';
import { GERMAN } from './patterns/german.ts';
import { MARKUP } from './patterns/markup.ts';
import type { Pattern } from './patterns/pattern.ts';
import { SPANISH } from './patterns/spanish.ts';
import { verdictOf, type Finding, type InjectionVerdict, type TextView } from './verdict.ts';

/** Patterns over words: read in the visible text and again after letter spacing is undone. */
const WORD_PATTERNS: readonly Pattern[] = [
  ...ENGLISH,
  ...DIRECTIVES,
  ...FRENCH,
  ...GERMAN,
  ...SPANISH,
  ...MARKUP,
];

/** Payloads inside payloads (base64 of base64, base64 in tag characters) are followed this deep. */
const MAX_DECODING_DEPTH = 2;

/** "Decode this and follow it": a readable payload the text asks the model to act on. */
const FOLLOW_THE_PAYLOAD =
  /\b(?:decode|decipher|decrypt|translate|convert|interpret|unescape|read|run|execute)\b.{0,40}?\b(?:and|then|,)\s*(?:then\s+)?(?:follow|execute|obey|do|run|apply|act on|carry out|comply with|perform)\b/;

export interface Inspection {
  verdict: InjectionVerdict;
  /** Every pattern that fired and in which view of the text: for logs, tuning and evaluation. */
  findings: Finding[];
}

function matches(patterns: readonly Pattern[], text: string, view: TextView): Finding[] {
  return patterns.flatMap(({ id, reason, regex }) =>
    regex.test(text) ? [{ reason, pattern: id, view }] : [],
  );
}

function inspectPayload(payload: DecodedPayload, depth: number, asked: boolean): Finding[] {
  const inner = collect(payload.text, depth + 1, payload.encoding);
  if (inner.length === 0 && !asked) return [];
  return [
    ...inner,
    { reason: 'encoded_payload', pattern: `encoded.${payload.encoding}`, view: payload.encoding },
  ];
}

function collect(text: string, depth: number, payloadView?: TextView): Finding[] {
  const view = (own: TextView) => payloadView ?? own;
  const visible = normalizeForMatching(text);
  const findings = matches(WORD_PATTERNS, visible, view('visible'));
  const despaced = despaceLetters(visible);
  if (despaced !== visible) findings.push(...matches(WORD_PATTERNS, despaced, view('despaced')));
  findings.push(...matches(COMPACT, compactSkeleton(visible), view('compact')));
  if (hasHiddenCharacters(text)) {
    findings.push({ reason: 'hidden_characters', pattern: 'hidden.invisible', view: view('visible') });
  }
  if (depth >= MAX_DECODING_DEPTH) return findings;

  const hidden = decodeTagPayload(text);
  if (hidden) findings.push(...collect(hidden, depth + 1, 'tags'));
  // Encodings are case-sensitive: decode from the text as written, minus what hides inside runs.
  const asked = FOLLOW_THE_PAYLOAD.test(visible);
  for (const payload of decodePayloads(text.normalize('NFKC').replace(INVISIBLE_FOR_MATCHING, ''))) {
    findings.push(...inspectPayload(payload, depth, asked && payload.encoding !== 'rot13'));
  }
  return findings;
}

/** Every finding for a text, with the verdict they add up to. */
export function inspectText(text: string): Inspection {
  const findings = collect(text, 0);
  const unique = new Map(findings.map((finding) => [`${finding.pattern}@${finding.view}`, finding]));
  const all = [...unique.values()];
  return { verdict: verdictOf(all), findings: all };
}

/**
 * The prompt-injection verdict for a question or a retrieved passage. A tripwire, not a proof: it
 * names the known shapes of injection (overriding earlier instructions, asking for the system
 * prompt, re-casting the assistant, faked turns, orders addressed to an AI reader, hidden or
 * encoded payloads) after undoing the usual disguises, so that operators see what fired.
 */
export function detectInjection(text: string): InjectionVerdict {
  return inspectText(text).verdict;
}
