import { LRUCache } from 'lru-cache';
import { detectInjection, type InjectionVerdict } from '@ragfleet/prompt-guard';
import type { Logger } from '@ragfleet/telemetry';
import type { FlaggedPassage } from './answer-events.ts';
import type { NumberedPassage } from './ports.ts';

export interface PassageGuardOptions {
  /** The detector the gateway runs on questions, by default. */
  detect?: (text: string) => InjectionVerdict;
  /** Gets one warning per answer with flagged passages: ids and reasons, never the text. */
  logger?: Logger;
  /**
   * Verdicts kept by passage text (default 5,000; 0: off). The same chunks come back for similar
   * questions, and the detector's patterns were a fifth of generate's CPU per answer.
   */
  rememberedVerdicts?: number;
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
  readonly #verdicts: LRUCache<string, InjectionVerdict> | undefined;

  constructor(options: PassageGuardOptions = {}) {
    this.#detect = options.detect ?? detectInjection;
    this.#logger = options.logger;
    const max = options.rememberedVerdicts ?? 5_000;
    this.#verdicts = max > 0 ? new LRUCache({ max }) : undefined;
  }

  screen(passages: readonly NumberedPassage[]): FlaggedPassage[] {
    const flagged = passages.flatMap((passage): FlaggedPassage[] => {
      // Titles come from the same documents and reach the prompt too.
      const verdict = this.#verdictOf(`${passage.title}\n${passage.text}`);
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

  /** The verdict depends on the text alone, so a text seen before is not scanned again. */
  #verdictOf(text: string): InjectionVerdict {
    let verdict = this.#verdicts?.get(text);
    if (!verdict) {
      verdict = this.#detect(text);
      this.#verdicts?.set(text, verdict);
    }
    return verdict;
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
