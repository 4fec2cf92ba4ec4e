import { isErrorCode, RagfleetError, type ErrorCode } from '@ragfleet/errors';
import type { RecommendV1 } from '@ragfleet/protos';
import type { PublicError } from './public-json.ts';
import { errorFromEvent, eventsUntilTerminal } from './rag-answer.ts';
import { contextJson, recommendationJson, subjectJson, type RecommendationJson } from './recommend-json.ts';

/*
 * The recommendation pipeline's events (RecommendService.Recommend) as the public API streams
 * them, over NDJSON and WebSocket alike: status (0) → subject_info (25) → rule_recommendations
 * (50) → ai_recommendations (90) → complete (100). A stream the gateway cuts short (upstream gone
 * or silent after the first event) ends with an `error` event instead of `complete`.
 */

/** A source that could not run (the model chain failed): the stream still completes without it. */
export interface BatchError {
  code: ErrorCode;
  message: string;
}

export interface BatchJson {
  recommendations: RecommendationJson[];
  dropped: number;
  merged: number;
  error: BatchError | null;
}

export type RecommendEvent =
  | { type: 'status'; progress: number; stage: string; message: string }
  | {
      type: 'subject_info';
      progress: number;
      subject: ReturnType<typeof subjectJson> | null;
      context: ReturnType<typeof contextJson>;
      summary: Record<string, number>;
    }
  | ({ type: 'rule_recommendations' | 'ai_recommendations'; progress: number } & BatchJson)
  | {
      type: 'complete';
      progress: number;
      total: number;
      weights_version: string;
      rule_pack_version: string;
      elapsed_ms: number;
    }
  | { type: 'error'; progress: number | null; error: PublicError };

function batchJson(batch: RecommendV1.RecommendationBatch__Output | null | undefined): BatchJson {
  const code = batch?.errorCode;
  return {
    recommendations: (batch?.recommendations ?? []).map(recommendationJson),
    dropped: batch?.dropped ?? 0,
    merged: batch?.merged ?? 0,
    error: code
      ? {
          // An unknown code from upstream must not leak through as if it were part of our contract.
          code: isErrorCode(code) ? code : 'INTERNAL',
          message: batch?.errorMessage || 'The source could not run.',
        }
      : null,
  };
}

/** One Recommend message as a public event; undefined for one with no event set. */
export function recommendEventJson(
  message: RecommendV1.RecommendResponse__Output,
): RecommendEvent | undefined {
  const { progress } = message;
  switch (message.event) {
    case 'status':
      return {
        type: 'status',
        progress,
        stage: message.status?.stage ?? '',
        message: message.status?.message ?? '',
      };
    case 'subjectInfo': {
      const info = message.subjectInfo;
      return {
        type: 'subject_info',
        progress,
        subject: info?.subject ? subjectJson(info.subject) : null,
        context: contextJson(info?.context ?? null),
        summary: info?.summary ?? {},
      };
    }
    case 'ruleRecommendations':
      return { type: 'rule_recommendations', progress, ...batchJson(message.ruleRecommendations) };
    case 'aiRecommendations':
      return { type: 'ai_recommendations', progress, ...batchJson(message.aiRecommendations) };
    case 'complete': {
      const complete = message.complete;
      return {
        type: 'complete',
        progress,
        total: complete?.total ?? 0,
        weights_version: complete?.weightsVersion ?? '',
        rule_pack_version: complete?.rulePackVersion ?? '',
        elapsed_ms: complete?.elapsedMs ?? 0,
      };
    }
    default:
      return undefined;
  }
}

export const RECOMMEND_TERMINAL = 'complete';

/** Recommend's messages as public events, in order, ending after `complete`. */
export function recommendEvents(
  messages: AsyncIterable<RecommendV1.RecommendResponse__Output>,
): AsyncGenerator<RecommendEvent> {
  return eventsUntilTerminal(
    messages,
    recommendEventJson,
    (event) => event.type === RECOMMEND_TERMINAL || event.type === 'error',
  );
}

/** The whole pipeline's result, for a client that did not ask for a stream. */
export interface RecommendationsJson {
  subject: ReturnType<typeof subjectJson> | null;
  context: ReturnType<typeof contextJson> | null;
  /** Rule and model recommendations together, best first. */
  recommendations: RecommendationJson[];
  total: number;
  weights_version: string;
  rule_pack_version: string;
  /** Summed over both sources. */
  dropped: number;
  merged: number;
  sources: { rules: Omit<BatchJson, 'recommendations'>; model: Omit<BatchJson, 'recommendations'> };
  elapsed_ms: number;
}

const noBatch = (): Omit<BatchJson, 'recommendations'> => ({ dropped: 0, merged: 0, error: null });

/** Collects the events to `complete`; a stream that ends without it is an error, not a short list. */
export async function collectRecommendations(
  events: AsyncIterable<RecommendEvent>,
): Promise<RecommendationsJson> {
  const result: RecommendationsJson = {
    subject: null,
    context: null,
    recommendations: [],
    total: 0,
    weights_version: '',
    rule_pack_version: '',
    dropped: 0,
    merged: 0,
    sources: { rules: noBatch(), model: noBatch() },
    elapsed_ms: 0,
  };
  for await (const event of events) {
    switch (event.type) {
      case 'subject_info':
        result.subject = event.subject;
        result.context = event.context;
        break;
      case 'rule_recommendations':
      case 'ai_recommendations': {
        const { type, progress: _progress, recommendations, ...batch } = event;
        result.recommendations.push(...recommendations);
        result.sources[type === 'rule_recommendations' ? 'rules' : 'model'] = batch;
        result.dropped += batch.dropped;
        result.merged += batch.merged;
        break;
      }
      case 'error':
        throw errorFromEvent(event.error);
      case 'complete':
        // Each batch is best first; together they are too (ties: the rule first, as streamed).
        result.recommendations.sort((a, b) => b.score - a.score);
        return {
          ...result,
          total: event.total,
          weights_version: event.weights_version,
          rule_pack_version: event.rule_pack_version,
          elapsed_ms: event.elapsed_ms,
        };
      default:
        break;
    }
  }
  throw truncatedRecommendations();
}

/** The upstream ended before `complete`: the list may be partial, so say so rather than answer it. */
export function truncatedRecommendations(): RagfleetError {
  return new RagfleetError('SERVICE_UNAVAILABLE', 'The recommendation stream ended before completion.', {
    retryable: true,
  });
}
