/**
 * Characters a reader does not see but a model reads. Unicode tag characters (U+E0000–E007F)
 * mirror ASCII invisibly, so "What is Mach 2?" can carry a whole hidden instruction; zero-width
 * spaces split words so that no pattern sees them; bidirectional overrides show a reviewer other
 * text than the model gets. Some invisible characters are ordinary, though: a soft hyphen is a
 * hyphenation point, a zero-width joiner builds emoji and Indic ligatures, tags spell the
 * subdivision flags (🏴 + tags). Those are stripped for matching but do not count as hiding.
 */

const TAG_BASE = 0xe0000;
/** A subdivision flag: black flag, tag letters or digits, cancel tag. */
const EMOJI_TAG_SEQUENCE = /\u{1F3F4}[\u{E0030}-\u{E0039}\u{E0061}-\u{E007A}]{1,7}\u{E007F}/gu;
const TAG_CHARACTER = /[\u{E0000}-\u{E007F}]/u;

/**
 * What counts as hiding: tag characters (outside flags), zero-width space, word joiner and the
 * invisible math operators, a byte-order mark after the start, Hangul fillers, bidi embeddings,
 * overrides and isolates, and a joiner or direction mark between two ASCII letters.
 */
const HIDING =
  /[\u200B\u2060-\u2064\u180E\u115F\u1160\u3164\uFFA0\u202A-\u202E\u2066-\u2069]|(?<!^)\uFEFF|(?<=[A-Za-z])[\u200C-\u200F]+(?=[A-Za-z])|\p{Variation_Selector}{4,}/u;

/**
 * Removed before matching: every format character (Unicode category Cf: soft hyphen, zero-width,
 * bidi controls, tags), the fillers that are letters in name only, and variation selectors.
 */
export const INVISIBLE_FOR_MATCHING = /[\p{Cf}\u115F\u1160\u3164\uFFA0]|\p{Variation_Selector}/gu;

/**
 * Removed from retrieved text before it enters a prompt; joiners stay (emoji, Indic scripts).
 * Variation selectors go too: one after an emoji only picks its style, a run of them is a payload.
 */
const INVISIBLE_IN_PROMPTS =
  /[\u00AD\u200B\u200E\u200F\u2060-\u2064\u180E\u115F\u1160\u3164\uFFA0\u202A-\u202E\u2066-\u2069\uFEFF\u{E0000}-\u{E007F}]|\p{Variation_Selector}/gu;

export function hasHiddenCharacters(text: string): boolean {
  const withoutFlags = text.replace(EMOJI_TAG_SEQUENCE, '');
  return TAG_CHARACTER.test(withoutFlags) || HIDING.test(withoutFlags);
}

/** The ASCII text that tag characters spell, or '' when there is none (flags excepted). */
export function decodeTagPayload(text: string): string {
  if (!TAG_CHARACTER.test(text)) return '';
  let payload = '';
  for (const character of text.replace(EMOJI_TAG_SEQUENCE, '')) {
    const point = character.codePointAt(0) ?? 0;
    if (point >= TAG_BASE + 0x20 && point <= TAG_BASE + 0x7e)
      payload += String.fromCharCode(point - TAG_BASE);
    else if (point >= TAG_BASE && point <= TAG_BASE + 0x7f) payload += ' ';
  }
  return payload.trim();
}

/** Retrieved text as a prompt may quote it: what a reader sees, without what only a model reads. */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE_IN_PROMPTS, '');
}
