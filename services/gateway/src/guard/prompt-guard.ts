import { RagfleetError } from '@ragfleet/errors';
import { counter, type Logger, type Registry } from '@ragfleet/telemetry';
import { detectInjection, type InjectionVerdict } from '@ragfleet/prompt-guard';

export const GUARD_MODES = ['off', 'flag', 'block'] as const;
export type GuardMode = (typeof GUARD_MODES)[number];

/** Set on HTTP answers to a flagged question (mode `flag`), so a client or proxy can see it. */
export const GUARD_HEADER = 'X-Prompt-Guard';

export interface PromptGuardOptions {
  mode: GuardMode;
  logger: Logger;
  registry?: Registry;
  detect?: (text: string) => InjectionVerdict;
}

/**
 * Applies the injection detector (`@ragfleet/prompt-guard`, the one generate runs on retrieved
 * passages) to user questions: `off` skips it, `flag` lets the question through but logs it and
 * returns the verdict (callers add a marker), `block` refuses it with PROMPT_REJECTED. The
 * question itself is never logged: it may carry personal data.
 */
export class PromptGuard {
  readonly mode: GuardMode;
  readonly #logger: Logger;
  readonly #detect: (text: string) => InjectionVerdict;
  readonly #flags: ReturnType<typeof counter> | undefined;

  constructor(options: PromptGuardOptions) {
    this.mode = options.mode;
    this.#logger = options.logger;
    this.#detect = options.detect ?? detectInjection;
    this.#flags = options.registry
      ? counter(
          options.registry,
          'ragfleet_gateway_prompt_guard_flags_total',
          'User questions the prompt-injection guard flagged, by heuristic and mode.',
          ['reason', 'mode'],
        )
      : undefined;
  }

  /** The verdict for a question; throws PROMPT_REJECTED when flagged in `block` mode. */
  inspect(question: string, where: string): InjectionVerdict {
    if (this.mode === 'off') return { flagged: false, reasons: [] };
    const verdict = this.#detect(question);
    if (!verdict.flagged) return verdict;
    for (const reason of verdict.reasons) this.#flags?.inc({ reason, mode: this.mode });
    this.#logger.warn(
      { where, reasons: verdict.reasons, length: question.length, mode: this.mode },
      'prompt guard flagged a question',
    );
    if (this.mode === 'block') {
      throw new RagfleetError('PROMPT_REJECTED', 'The question was rejected by the prompt-injection guard.', {
        details: { reasons: verdict.reasons },
      });
    }
    return verdict;
  }
}
