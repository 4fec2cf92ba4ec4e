/**
 * What the detector says about a text. Reasons are metric labels (the gateway's and generate's
 * flag counters), so their names are stable: add new ones, never rename.
 */
export const INJECTION_REASONS = [
  'instruction_override',
  'system_prompt_exfiltration',
  'role_override',
  'prompt_markup',
  'assistant_directive',
  'hidden_characters',
  'encoded_payload',
] as const;

export type InjectionReason = (typeof INJECTION_REASONS)[number];

export interface InjectionVerdict {
  flagged: boolean;
  /** Which heuristics fired, each once, in the order of INJECTION_REASONS. */
  reasons: InjectionReason[];
}

/**
 * The form of the text a pattern matched in: what the reader sees (`visible`), after undoing
 * letter spacing (`despaced`), squashed to letters with leetspeak folded (`compact`), or a payload
 * the text carries: invisible tag characters (`tags`), base64, hex, escapes, rot13.
 */
export type TextView = 'visible' | 'despaced' | 'compact' | 'tags' | 'base64' | 'hex' | 'escapes' | 'rot13';

export interface Finding {
  reason: InjectionReason;
  /** The pattern's id, e.g. `en.override.qualified`: what to look at when tuning. */
  pattern: string;
  view: TextView;
}

export function verdictOf(findings: readonly Finding[]): InjectionVerdict {
  const fired = new Set(findings.map((finding) => finding.reason));
  const reasons = INJECTION_REASONS.filter((reason) => fired.has(reason));
  return { flagged: reasons.length > 0, reasons };
}
