import { detectInjection, type InjectionVerdict } from '@ragfleet/prompt-guard';
import type { Logger } from '@ragfleet/telemetry';
import type { FlaggedPassage } from './answer-events.ts';
import type { NumberedPassage } from './ports.ts';

export interface PassageGuardOptions {
  /** The detector the gateway runs on questions, by default. */
  detect?: (text: string) => InjectionVerdict;
  /** Gets one warning per answer with flagged passages: ids and reasons, never the text. */
  logger?: Logger;
}

/**
 * Checks retrieved passages for instructions aimed at the model (indirect prompt injection: a
 * document that says "ignore your instructions"). Flagged passages are still used, the prompt
 * quotes every passage as data and marks these with a warning, so a false positive costs a
 * warning line rather than a lost source.
 */
export class PassageGuard {
  readonly #detect: (text: string) => InjectionVerdict;
  readonly #logger: Logger | undefined;

  constructor(options: PassageGuardOptions = {}) {
    this.#detect = options.detect ?? detectInjection;
    this.#logger = options.logger;
  }

  screen(passages: readonly NumberedPassage[]): FlaggedPassage[] {
    const flagged = passages.flatMap((passage): FlaggedPassage[] => {
      // Titles come from the same documents and reach the prompt too.
      const verdict = this.#detect(`${passage.title}\n${passage.text}`);
      return verdict.flagged
        ? [
            {
              index: passage.index,
              documentId: passage.documentId,
              chunkId: passage.chunkId,
              reasons: verdict.reasons,
            },
          ]
        : [];
    });
    if (flagged.length > 0) {
      this.#logger?.warn(
        { passages: flagged, retrieved: passages.length },
        'retrieved passages carry instruction-like text',
      );
    }
    return flagged;
  }
}

/** The `guard` status message: which passages, why, and what the prompt does about it. */
export function describeFlaggedPassages(flagged: readonly FlaggedPassage[]): string {
  const which = flagged.map((passage) => `[${passage.index}]`).join(', ');
  const reasons = [...new Set(flagged.flatMap((passage) => passage.reasons))].join(', ');
  const [noun, verb, pronoun] =
    flagged.length === 1 ? ['passage', 'contains', 'it'] : ['passages', 'contain', 'them'];
  return `${noun} ${which} ${verb} instruction-like text (${reasons}); the prompt quotes ${pronoun} as data with a warning`;
}
