/**
 * A heuristic prompt-injection detector for user questions. It is a tripwire, not a proof: it
 * looks for the phrasings that injection attempts share (overriding earlier instructions, asking
 * for the system prompt, re-casting the assistant's role, chat-template markup, hidden or encoded
 * payloads) and names which ones fired, so operators can tune from the logs. Each pattern needs
 * an instruction-like object ("previous instructions", "system prompt") next to its verb, so an
 * ordinary question that merely says "ignore" or "system" does not trip it.
 */

export type InjectionReason =
  | 'instruction_override'
  | 'system_prompt_exfiltration'
  | 'role_override'
  | 'prompt_markup'
  | 'hidden_characters'
  | 'encoded_payload';

export interface InjectionVerdict {
  flagged: boolean;
  /** Which heuristics fired, each once, in a stable order. */
  reasons: InjectionReason[];
}

const INSTRUCTION_NOUN = String.raw`(?:instructions?|prompts?|rules|directions|directives|guidelines|guardrails|constraints|commands|context|messages?|programming)`;
/** Narrower for exfiltration: "system messages" and "system rules" are ordinary topics, "system prompt" is not. */
const PROMPT_NOUN = String.raw`(?:prompts?|instructions?|directives|pre-?prompt)`;

const PATTERNS: ReadonlyArray<{ reason: InjectionReason; pattern: RegExp }> = [
  {
    // "ignore (all) previous instructions", "disregard the rules above", "forget everything you were told"
    reason: 'instruction_override',
    pattern: new RegExp(
      String.raw`\b(?:ignore|disregard|forget|override|bypass|skip|drop|abandon)\b[\s\w,'-]{0,30}?\b(?:previous|prior|above|earlier|preceding|original|initial|system|your|all|any|those|these|the)\b[\s\w-]{0,20}?\b${INSTRUCTION_NOUN}\b`,
      'i',
    ),
  },
  {
    reason: 'instruction_override',
    pattern: /\bforget (?:everything|all) (?:you(?:'ve| have| were)?|that)\b/i,
  },
  { reason: 'instruction_override', pattern: /\b(?:new|updated|real) (?:system )?instructions?\s*:/i },
  {
    // "reveal your system prompt", "print the hidden instructions", "what were your initial instructions"
    reason: 'system_prompt_exfiltration',
    pattern: new RegExp(
      String.raw`\b(?:reveal|show|print|repeat|output|display|tell|give|leak|dump|share|recite|what)\b[\s\w,'-]{0,40}?\b(?:system|hidden|initial|original|secret|internal|developer)\s+${PROMPT_NOUN}\b`,
      'i',
    ),
  },
  {
    reason: 'system_prompt_exfiltration',
    pattern:
      /\b(?:repeat|print|output|copy)\b[\s\w-]{0,20}?\b(?:text|words|everything|all)\s+(?:above|before)\b/i,
  },
  {
    // Re-casting the assistant: "you are now DAN", "act as an unrestricted AI", "enable developer mode"
    reason: 'role_override',
    pattern:
      /\b(?:you are now|from now on,? you(?: are| will)?|pretend (?:that )?you are|act as|behave as|role-?play as)\b[\s\w,'-]{0,40}?\b(?:unrestricted|unfiltered|uncensored|jailbroken|dan|evil|without (?:any )?(?:restrictions|rules|limits|filters))\b/i,
  },
  { reason: 'role_override', pattern: /\b(?:developer|god|jailbreak|dan) mode\b/i },
  {
    // Chat-template and role markers smuggled into a question to fake a system turn.
    reason: 'prompt_markup',
    pattern:
      /<\|im_(?:start|end)\|>|<\|(?:system|assistant|user|endoftext)\|>|\[\/?INST\]|<<\/?SYS>>|<\/?system>|^\s*#{2,}\s*(?:system|instruction)s?\b|^\s*(?:system|assistant)\s*:/im,
  },
  {
    // Zero-width and bidirectional controls hide text from a human reviewer but not from a model.
    reason: 'hidden_characters',
    pattern: /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/,
  },
];

const BASE64_RUN = /[A-Za-z0-9+/]{40,}={0,2}/g;
const ESCAPED_BYTES = /(?:\\x[0-9a-f]{2}|\\u[0-9a-f]{4}|%[0-9a-f]{2}){12,}/i;
const PRINTABLE = /[\x20-\x7E\t\n\r]/g;

/** A long base64 run that decodes to readable text is a payload hidden from a quick glance. */
function hasEncodedPayload(text: string): boolean {
  if (ESCAPED_BYTES.test(text)) return true;
  for (const match of text.matchAll(BASE64_RUN)) {
    const decoded = Buffer.from(match[0], 'base64').toString('latin1');
    const printable = decoded.match(PRINTABLE)?.length ?? 0;
    // Hashes and ids are base64-alphabet too, but decode to binary noise.
    if (decoded.length > 0 && printable / decoded.length > 0.9 && /[a-z]{3,}\s+[a-z]{2,}/i.test(decoded)) {
      return true;
    }
  }
  return false;
}

export function detectInjection(text: string): InjectionVerdict {
  const normalized = text.normalize('NFKC');
  const reasons = new Set<InjectionReason>();
  for (const { reason, pattern } of PATTERNS) if (pattern.test(normalized)) reasons.add(reason);
  if (hasEncodedPayload(normalized)) reasons.add('encoded_payload');
  return { flagged: reasons.size > 0, reasons: [...reasons] };
}
