/**
 * Payloads a text carries in encoded form: base64, hex, escape sequences, HTML entities, rot13.
 * A model decodes them readily ("decode this and do it"), a pattern does not, so each one is
 * decoded and the decoded text is inspected like any other. Only decodings that yield readable
 * text are kept: hashes and ids use the same alphabets but decode to binary noise.
 */

export interface DecodedPayload {
  encoding: 'base64' | 'hex' | 'escapes' | 'rot13';
  text: string;
}

/** Long enough to hold a short instruction ("ignore rules" is 16 characters of base64). */
const BASE64_RUN = /[A-Za-z0-9+/_-]{16,}={0,2}/g;
/** Lines that are nothing but base64, as encoders wrap them; the last line may be short. */
const BASE64_BLOCK = /(?:^[ \t]*[A-Za-z0-9+/_-]{8,}[ \t]*\r?\n)+[ \t]*[A-Za-z0-9+/_-]*={0,2}/gm;
const HEX_RUN = /(?:0x)?((?:[0-9a-fA-F]{2}){8,})/g;
/** Hex bytes written apart: "69 67 6e 6f", "69:67:6e:6f". */
const SPACED_HEX_RUN = /(?<![0-9a-fA-F])(?:[0-9a-fA-F]{2}[ :,-]){7,}[0-9a-fA-F]{2}(?![0-9a-fA-F])/g;
const ESCAPE =
  /\\x([0-9a-fA-F]{2})|\\u\{([0-9a-fA-F]{1,6})\}|\\u([0-9a-fA-F]{4})|%([0-9a-fA-F]{2})|&#x([0-9a-fA-F]{1,6});|&#(\d{1,7});/g;
const MIN_ESCAPES = 4;
const ROT13_HINT = /\brot-?13\b|\bcaesar\b/i;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decoded bytes as text, or undefined when they are not readable UTF-8 prose. */
function readable(bytes: Uint8Array): string | undefined {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return undefined;
  }
  if (text.length < 6) return undefined;
  const visible = text.match(/[\p{L}\p{N}\p{P}\p{Zs}\n\t\p{Cf}\u{E0000}-\u{E007F}]/gu)?.length ?? 0;
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  return visible / [...text].length > 0.9 && letters / [...text].length > 0.4 ? text : undefined;
}

function base64Candidates(text: string): string[] {
  const runs = [...text.matchAll(BASE64_RUN)].map((match) => match[0]);
  // With and without the last line: it may be the end of the block or the next sentence.
  const blocks = [...text.matchAll(BASE64_BLOCK)].flatMap((match) => [
    match[0].replace(/\s+/g, ''),
    match[0].replace(/\r?\n[^\n]*$/, '').replace(/\s+/g, ''),
  ]);
  return [...new Set([...runs, ...blocks])];
}

function decodeBase64(candidate: string): string | undefined {
  // A plain word of 16+ letters is base64 alphabet too; it decodes to noise and is dropped below.
  const standard = candidate.replace(/-/g, '+').replace(/_/g, '/');
  return readable(Buffer.from(standard, 'base64'));
}

function unescape(text: string): string | undefined {
  let count = 0;
  const decoded = text.replace(ESCAPE, (whole, hex2, braced, hex4, percent, entityHex, entityDecimal) => {
    const code = hex2 ?? percent;
    count++;
    if (code !== undefined) return String.fromCharCode(Number.parseInt(code, 16));
    const point = Number.parseInt(braced ?? hex4 ?? entityHex ?? '', 16) || Number(entityDecimal);
    return Number.isFinite(point) && point <= 0x10ffff ? String.fromCodePoint(point) : whole;
  });
  if (count < MIN_ESCAPES) return undefined;
  // %-escapes and \x escapes spell bytes: reread them as UTF-8 where they form it.
  if (!/[\u0100-\uFFFF]/.test(decoded)) {
    try {
      return utf8.decode(Buffer.from(decoded, 'latin1'));
    } catch {
      return decoded;
    }
  }
  return decoded;
}

const rot13 = (text: string) =>
  text.replace(/[a-z]/gi, (letter) => {
    const base = letter <= 'Z' ? 65 : 97;
    return String.fromCharCode(((letter.charCodeAt(0) - base + 13) % 26) + base);
  });

/** Every readable payload the text carries, each decoded once (the caller recurses). */
export function decodePayloads(text: string): DecodedPayload[] {
  const payloads: DecodedPayload[] = [];
  for (const candidate of base64Candidates(text)) {
    const decoded = decodeBase64(candidate);
    if (decoded !== undefined) payloads.push({ encoding: 'base64', text: decoded });
  }
  const hexRuns = [
    ...[...text.matchAll(HEX_RUN)].map((match) => match[1] ?? ''),
    ...[...text.matchAll(SPACED_HEX_RUN)].map((match) => match[0].replace(/[ :,-]/g, '')),
  ];
  for (const run of hexRuns) {
    const decoded = readable(Buffer.from(run, 'hex'));
    if (decoded !== undefined) payloads.push({ encoding: 'hex', text: decoded });
  }
  const unescaped = unescape(text);
  if (unescaped !== undefined) payloads.push({ encoding: 'escapes', text: unescaped });
  if (ROT13_HINT.test(text)) payloads.push({ encoding: 'rot13', text: rot13(text) });
  return payloads;
}
