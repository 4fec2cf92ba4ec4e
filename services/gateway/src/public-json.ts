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

/**
 * Which answer this was, as `done` (and the JSON answer) names it: `answer_id` is what
 * `POST /v1/answers/:id/feedback` takes; the experiment and its variant only when one chose it.
 * Absent fields were not set upstream (an older generate, no experiment running).
 */
export interface AnswerIdentity {
  answer_id?: string;
  experiment_id?: string;
  variant?: string;
}

export function answerIdentity(done: GenerateV1.Done__Output): AnswerIdentity {
  return {
    ...(done.answerId ? { answer_id: done.answerId } : {}),
    ...(done.experimentId ? { experiment_id: done.experimentId } : {}),
    ...(done.variant ? { variant: done.variant } : {}),
  };
}

/** One panel specialist's part, once finished; a failed one says why, the others still return. */
export interface SpecialistJson {
  specialist: string;
  ok: boolean;
  text: string;
  /** The decision specialist's 0–100 signal; null for the others (and a failed decision). */
  score: number | null;
  error: { code: ErrorCode; message: string } | null;
  latency_ms: number;
  model: string;
}

export interface PanelJson {
  specialists: SpecialistJson[];
  /** The panel's wall time, its slowest specialist's and the sum of all: parallel means elapsed ≈ slowest. */
  elapsed_ms: number;
  slowest_ms: number;
  sum_ms: number;
}

export function specialistJson(result: GenerateV1.SpecialistResult__Output): SpecialistJson {
  return {
    specialist: result.specialist,
    ok: result.ok,
    text: result.text,
    score: result.score ?? null,
    error: result.ok
      ? null
      : {
          code: isErrorCode(result.errorCode) ? result.errorCode : 'INTERNAL',
          message: result.errorMessage || 'The specialist failed.',
        },
    latency_ms: result.latencyMs,
    model: result.model,
  };
}

export function panelJson(panel: GenerateV1.PanelResult__Output): PanelJson {
  return {
    specialists: panel.specialists.map(specialistJson),
    elapsed_ms: panel.elapsedMs,
    slowest_ms: panel.slowestMs,
    sum_ms: panel.sumMs,
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
  /** `specialist` only in a panel: which specialist wrote the text. */
  | { type: 'token'; text: string; specialist?: string }
  | ({ type: 'specialist_done' } & SpecialistJson)
  | ({ type: 'panel_result' } & PanelJson)
  | { type: 'usage'; input_tokens: number; output_tokens: number; provider: string; model: string }
  | ({
      type: 'done';
      provider: string;
      model: string;
      finish_reason: string;
      prompt_version: string;
      time_to_first_token_ms: number;
    } & DoneEconomics &
      AnswerIdentity)
  | { type: 'error'; error: PublicError };

/** One upstream Answer message as a public NDJSON event; undefined for a message with no event set. */
export function answerEventJson(message: GenerateV1.AnswerResponse__Output): AnswerEvent | undefined {
  const { status, citations, token, usage, done, error, specialistDone, panelResult } = message;
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
      // The field only on a panel's tokens: a plain answer's stay as they were, byte for byte.
      return token?.specialist
        ? { type: 'token', text: token.text, specialist: token.specialist }
        : { type: 'token', text: token?.text ?? '' };
    case 'specialistDone':
      return specialistDone ? { type: 'specialist_done', ...specialistJson(specialistDone) } : undefined;
    case 'panelResult':
      return panelResult ? { type: 'panel_result', ...panelJson(panelResult) } : undefined;
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
            ...answerIdentity(done),
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
