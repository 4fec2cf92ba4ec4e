import type { AnswerEvent } from '../domain/answer-events.ts';
import type { SpecialistName } from './panel-specialists.ts';

/** One specialist's outcome: its text whether or not it finished, its error when it failed. */
export interface SpecialistOutcome {
  specialist: SpecialistName;
  ok: boolean;
  text: string;
  /** The decision specialist's 0–100 signal; absent for the others. */
  score?: number;
  errorCode: string;
  errorMessage: string;
  latencyMs: number;
  /** "provider/model" that wrote it; empty when no model opened. */
  model: string;
  costUsd: number;
  /** What the model that wrote it used (the provider's usage or the tokens counted); absent: none wrote. */
  usage?: {
    provider: string;
    model: string;
    promptVersion: string;
    inputTokens: number;
    outputTokens: number;
  };
}

/**
 * What a panel streams: the answer's status and citations, each specialist's tokens with its
 * name, a specialist_done per specialist as it ends, then panel_result and done.
 */
export type PanelEvent =
  | Exclude<AnswerEvent, { type: 'token' }>
  | { type: 'token'; text: string; specialist: SpecialistName }
  | { type: 'specialist_done'; outcome: SpecialistOutcome }
  | {
      type: 'panel_result';
      outcomes: SpecialistOutcome[];
      elapsedMs: number;
      slowestMs: number;
      sumMs: number;
    };
