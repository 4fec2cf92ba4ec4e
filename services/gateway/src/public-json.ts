import { isErrorCode, type ErrorCode } from '@ragfleet/errors';
import type { GenerateV1, RetrieveV1, RouterV1 } from '@ragfleet/protos';

/* The public API speaks snake_case JSON; the gRPC clients hand over camelCase protos. */

const JOB_STATES: Record<RetrieveV1.JobState__Output, string> = {
  JOB_STATE_UNSPECIFIED: 'unknown',
  JOB_STATE_QUEUED: 'queued',
  JOB_STATE_RUNNING: 'running',
  JOB_STATE_SUCCEEDED: 'succeeded',
  JOB_STATE_FAILED: 'failed',
};

export function isJobFinished(job: RetrieveV1.Job__Output): boolean {
  return job.state === 'JOB_STATE_SUCCEEDED' || job.state === 'JOB_STATE_FAILED';
}

export function jobJson(job: RetrieveV1.Job__Output) {
  return {
    id: job.id,
    state: JOB_STATES[job.state] ?? 'unknown',
    document_ids: job.documentIds,
    documents_total: job.documentIds.length,
    documents_done: job.documentsDone,
    chunks_indexed: job.chunksIndexed,
    error: job.error || null,
    error_code: job.errorCode || null,
    created_at: job.createdAt || null,
    updated_at: job.updatedAt || null,
  };
}

export function documentJson(document: RetrieveV1.DocumentInfo__Output) {
  return {
    id: document.id,
    title: document.title,
    metadata: document.metadata,
    chunk_count: document.chunkCount,
    length: document.length,
    updated_at: document.updatedAt || null,
  };
}

export function hitJson(hit: RetrieveV1.SearchHit__Output) {
  return {
    chunk_id: hit.chunkId,
    document_id: hit.documentId,
    title: hit.title,
    text: hit.text,
    score: hit.score,
    start: hit.start,
    end: hit.end,
    metadata: hit.metadata,
  };
}

export function citationJson(citation: GenerateV1.Citation__Output) {
  return {
    index: citation.index,
    document_id: citation.documentId,
    chunk_id: citation.chunkId,
    title: citation.title,
    text: citation.text,
    score: citation.score,
    start: citation.start,
    end: citation.end,
  };
}

/** The router's explanation of an answer's route, as the `done` event carries it. */
export function decisionJson(decision: RouterV1.RouteDecision__Output) {
  return {
    complexity_class: decision.complexityClass,
    score: decision.score,
    features: decision.features.map((feature) => ({
      name: feature.name,
      value: feature.value,
      contribution: feature.contribution,
    })),
    skipped: decision.skipped.map((skipped) => ({
      provider: skipped.provider,
      model: skipped.model,
      reason: skipped.reason,
    })),
    prefer: decision.prefer,
    budget_fallback: decision.budgetFallback,
  };
}

export type DecisionJson = ReturnType<typeof decisionJson>;

/** What `done` adds about the answer's economics; the JSON answer carries the same fields. */
export interface DoneEconomics {
  cached: boolean;
  cost_usd: number;
  /** null from a router that explains nothing. */
  decision: DecisionJson | null;
}

export function doneEconomics(done: GenerateV1.Done__Output): DoneEconomics {
  return {
    cached: done.cached,
    cost_usd: done.costUsd,
    decision: done.decision ? decisionJson(done.decision) : null,
  };
}

export interface PublicError {
  code: ErrorCode;
  message: string;
  retryable: boolean;
}

export type AnswerEvent =
  | { type: 'status'; stage: string; message: string; provider: string; model: string }
  | { type: 'citations'; citations: Array<ReturnType<typeof citationJson>> }
  | { type: 'token'; text: string }
  | { type: 'usage'; input_tokens: number; output_tokens: number; provider: string; model: string }
  | ({
      type: 'done';
      provider: string;
      model: string;
      finish_reason: string;
      prompt_version: string;
      time_to_first_token_ms: number;
    } & DoneEconomics)
  | { type: 'error'; error: PublicError };

/** One upstream Answer message as a public NDJSON event; undefined for a message with no event set. */
export function answerEventJson(message: GenerateV1.AnswerResponse__Output): AnswerEvent | undefined {
  const { status, citations, token, usage, done, error } = message;
  switch (message.event) {
    case 'status':
      return status
        ? {
            type: 'status',
            stage: status.stage,
            message: status.message,
            provider: status.provider,
            model: status.model,
          }
        : undefined;
    case 'citations':
      return { type: 'citations', citations: (citations?.citations ?? []).map(citationJson) };
    case 'token':
      return { type: 'token', text: token?.text ?? '' };
    case 'usage':
      return usage
        ? {
            type: 'usage',
            input_tokens: usage.inputTokens,
            output_tokens: usage.outputTokens,
            provider: usage.provider,
            model: usage.model,
          }
        : undefined;
    case 'done':
      return done
        ? {
            type: 'done',
            provider: done.provider,
            model: done.model,
            finish_reason: done.finishReason,
            prompt_version: done.promptVersion,
            time_to_first_token_ms: done.timeToFirstTokenMs,
            ...doneEconomics(done),
          }
        : undefined;
    case 'error':
      return {
        type: 'error',
        error: {
          // An unknown code from upstream must not leak through as if it were part of our contract.
          code: isErrorCode(error?.code) ? error.code : 'INTERNAL',
          message: error?.message || 'The answer failed.',
          retryable: error?.retryable ?? false,
        },
      };
    default:
      return undefined;
  }
}
