import { createHash } from 'node:crypto';
import { stripInvisible } from '@ragfleet/prompt-guard';

/**
 * Text that did not come from the deployment (retrieved passages, a conversation's summary, its
 * messages) as a prompt quotes it: between an opening tag and a closing tag that carry the same
 * seal, a digest of the quoted text and its attributes. The text cannot close its own fence: it
 * would have to contain the digest of a text that contains that digest. Markup inside is escaped
 * (a "</passage>" becomes "&lt;/passage>") and characters only a model reads (tag characters,
 * zero-width) are dropped.
 */

/** "<" and the brackets a model may read as one: fullwidth, small, angle quotation, CJK, math. */
const TAG_OPENING =
  /[<\uFF1C\uFE64\u2039\u3008\u2329\u27E8\u276E\u276C\u1438]\s*(?=[/\uFF0F\u2044\u2215]?\s*[\p{L}!?|])/gu;

/** 64 bits: far beyond what an author of the quoted text could search for a fixed point. */
const SEAL_HEX_DIGITS = 16;

/** The quoted text with its markup escaped and invisible characters dropped. */
export const neutralized = (text: string) => stripInvisible(text).replace(TAG_OPENING, '&lt;');

/** A value inside a double-quoted attribute: one line, no quotes, no markup. */
export const attributeValue = (text: string) =>
  stripInvisible(text)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/&/g, '&amp;')
    .replace(/["\uFF02]/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(TAG_OPENING, '&lt;');

/** The digest over what the fence holds: every piece, one per line. */
export function sealOf(pieces: readonly string[]): string {
  return createHash('sha256').update(pieces.join('\n')).digest('hex').slice(0, SEAL_HEX_DIGITS);
}

export interface SealedQuote {
  /** The tag name: passage, summary, message. */
  tag: string;
  /** Attributes before the seal, already safe (see attributeValue), in order. */
  attributes: ReadonlyArray<readonly [string, string]>;
  /** Attributes after the seal (a warning), not part of the digest. */
  trailing?: ReadonlyArray<readonly [string, string]>;
  /** The raw text; it is neutralized here. */
  text: string;
  /** What the digest covers besides the text; the attribute values by default. */
  sealed?: readonly string[];
}

/** `<tag a="..." seal="S">`, the neutralized text, `</tag seal="S">`. */
export function sealedQuote({ tag, attributes, trailing = [], text, sealed }: SealedQuote): string {
  const body = neutralized(text.trim());
  const seal = sealOf([...(sealed ?? attributes.map(([, value]) => value)), body]);
  const attrs = (list: SealedQuote['attributes']) =>
    list.map(([name, value]) => ` ${name}="${value}"`).join('');
  return [
    `<${tag}${attrs(attributes)} seal="${seal}"${attrs(trailing)}>`,
    body,
    `</${tag} seal="${seal}">`,
  ].join('\n');
}
