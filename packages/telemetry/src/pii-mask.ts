/*
 * Masks personal data and secrets in a serialized log line, whatever field (or message text)
 * they hide in: field-name redaction cannot catch an email inside an error message. Patterns
 * are chosen so that what logs normally carry (ISO times, UUIDs, trace ids, ports, durations)
 * does not match: phone numbers need a leading + or a separator layout, card numbers must start
 * like a card and pass the Luhn check.
 */

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi;
const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;
/** Key formats with a recognisable prefix: ragfleet keys, OpenAI/Anthropic/Stripe style, GitHub, Slack, AWS. */
const API_KEY =
  /\b(?:rf_[A-Za-z0-9_-]{20,}|sk-(?:ant-)?[A-Za-z0-9_-]{16,}|(?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{16,}|gh[pousr]_[A-Za-z0-9]{30,}|xox[abpr]-[A-Za-z0-9-]{10,}|AKIA[0-9A-Z]{16})\b/g;
/** 13-19 digits, optionally grouped by single spaces or dashes, starting like a card (2-6). */
const CARD = /(?<![\d.-])[2-6]\d{3}(?:[ -]?\d){9,15}(?![\d.-])/g;
/** International (+ and 8-15 digits with optional separators) or North-American style layouts. */
const PHONE =
  /(?<![\w+.-])(?:\+\d{1,3}[ .-]?(?:\(\d{1,4}\)[ .-]?)?\d{2,4}(?:[ .-]?\d{2,4}){1,4}|\(\d{3}\)[ .-]?\d{3}[ .-]\d{4}|\d{3}[ .-]\d{3}[ .-]\d{4})(?![\w-])/g;

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return digits.length >= 13 && sum % 10 === 0;
}

export function maskPersonalData(text: string): string {
  return text
    .replace(JWT, '[jwt]')
    .replace(BEARER, (_match, scheme: string) => `${scheme} [redacted]`)
    .replace(API_KEY, '[api-key]')
    .replace(EMAIL, '[email]')
    .replace(CARD, (match) => (luhnValid(match.replace(/[ -]/g, '')) ? '[card]' : match))
    .replace(PHONE, (match) => (match.replace(/\D/g, '').length >= 8 ? '[phone]' : match));
}
