import type { InjectionReason } from '@ragfleet/prompt-guard';
import type { RawMessage } from './conversation-input.ts';
import type { NumberedPassage, RetrievalSettings, RoutingDecision } from './ports.ts';

export interface AnswerRequest {
  query: string;
  /** 0 means the service default. */
  k: number;
  filters: Record<string, string>;
  tier: string;
  /** Empty means the template's default version. */
  promptVersion: string;
  /**
   * A conversation's earlier messages (ChatMessages), oldest first; they reach the model as chat
   * messages. Roles arrive as the client sent them: the pipeline checks them.
   */
  history?: readonly RawMessage[];
  /** The rolling summary of the messages older than history; empty or absent when none. */
  summary?: string;
  /** What retrieval searches for (a follow-up rewritten as a standalone question); empty: query. */
  searchQuery?: string;
  /** Passed on to the router: "cost", "quality" or "latency"; empty: the router's default. */
  prefer?: string;
  /**
   * The caller's tenant: answers are cached per tenant, so without one the response cache is
   * not used at all (never a key shared across tenants).
   */
  tenant?: string;
  /**
   * "provider/model" an experiment or rollout variant pins: it answers first, ahead of the
   * router's chain (which stays as the fallback). Absent: the router's choice.
   */
  model?: string;
  /** How a retrieval candidate's answers search (its k over the request's). Absent: the defaults. */
  retrieval?: RetrievalSettings;
}

/**
 * `cache`: the answer is replayed from the response cache instead of `generating`; `budget`: a model
 * of the route did not fit the caller's budget (a cheaper one is tried).
 */
export type AnswerStage = 'routing' | 'retrieving' | 'guard' | 'generating' | 'fallback' | 'cache' | 'budget';

/** A retrieved passage the injection detector flagged: which one and why, never its text. */
export interface FlaggedPassage {
  index: number;
  documentId: string;
  chunkId: string;
  reasons: InjectionReason[];
}

/** What an answer stream carries, in order: status*, citations, token*, usage, then done or error. */
export type AnswerEvent =
  | {
      type: 'status';
      stage: AnswerStage;
      message: string;
      provider?: string;
      model?: string;
      /** Stage `guard` only: the flagged passages, for metrics (the wire carries the message). */
      flagged?: FlaggedPassage[];
    }
  | { type: 'citations'; citations: NumberedPassage[] }
  | { type: 'token'; text: string }
  | { type: 'usage'; inputTokens: number; outputTokens: number; provider: string; model: string }
  | {
      type: 'done';
      provider: string;
      model: string;
      finishReason: string;
      promptVersion: string;
      /** From the request reaching the pipeline to its first token, in ms; 0 when none came. */
      timeToFirstTokenMs: number;
      /** Replayed from the response cache: no model was called. */
      cached: boolean;
      /** At the chosen model's prices; 0 when cached or free. */
      costUsd: number;
      /** The router's explanation of this answer's route (made now, also for a cached answer). */
      decision?: RoutingDecision;
      /** Set by the variant hook (and by the completion publisher): what answer feedback names. */
      answerId?: string;
      /** The experiment or rollout that chose this answer's variant, and the variant. */
      experimentId?: string;
      variant?: string;
    }
  | { type: 'error'; code: string; message: string; retryable: boolean };
