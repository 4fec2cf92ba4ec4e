import { RagfleetError, fieldDetails, toRagfleetError } from '@ragfleet/errors';
import type { SubjectMetrics } from '@ragfleet/packs';
import type { RulePack } from '../rules/load-pack.ts';
import { scoreBatch } from '../scoring/score.ts';
import type { SubjectContext } from '../scoring/types.ts';
import type { Weights } from '../scoring/weights.ts';
import type {
  PipelineObserver,
  RecommendationPublisher,
  RecommendationRecorder,
  SubjectRecord,
  SubjectSource,
  Suggester,
} from '../ports.ts';
import { allowedActions, type AllowedAction } from './allowed-actions.ts';
import { modelCandidates } from './model-candidates.ts';
import { sameThingKey, toRecommendation, type Recommendation } from './recommendation.ts';
import { ruleCandidates, type ProducedCandidate } from './rule-candidates.ts';
import { assertSamePack, readSubject, type PackReading } from './subject-context.ts';
import { metricSummary, subjectLines } from './subject-lines.ts';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;

export interface RecommendInput {
  subjectId: string;
  includeModel: boolean;
  /** 0: DEFAULT_LIMIT; at most MAX_LIMIT per source. */
  limit: number;
  tier: string;
  tenant: string;
  signal?: AbortSignal;
}

export interface Batch {
  recommendations: Recommendation[];
  dropped: number;
  merged: number;
  errorCode: string;
  errorMessage: string;
}

/** The stream's events, shaped as RecommendResponse (one field of its oneof each). */
export type PipelineEvent =
  | { progress: 0; status: { stage: string; message: string } }
  | {
      progress: 25;
      subjectInfo: { subject: SubjectRecord; context: SubjectContext; summary: Record<string, number> };
    }
  | { progress: 50; ruleRecommendations: Batch }
  | { progress: 90; aiRecommendations: Batch }
  | {
      progress: 100;
      complete: { total: number; weightsVersion: string; rulePackVersion: string; elapsedMs: number };
    };

export interface PipelineDependencies {
  pack: RulePack;
  subjects: SubjectSource;
  recorder: RecommendationRecorder;
  publisher: RecommendationPublisher;
  suggester: Suggester;
  /** The weights in use now; read once per run, so that both batches name the same version. */
  weights: () => Weights;
  observer: PipelineObserver;
  newId: () => string;
  now?: () => Date;
  /** Passages generate retrieves to ground model suggestions. */
  modelK: number;
  /** Suggestions asked of the model (at most the request's limit). */
  modelSuggestions: number;
}

/**
 * The Recommend stream: the subject from feedback, rule candidates over its latest snapshot,
 * model candidates through generate, each batch scored with one weights version. Every batch is
 * recorded with feedback before it is yielded (so any id a client sees is known there) and
 * published as recommendations.generated after. A model chain failure becomes the
 * ai_recommendations batch's error and the stream still completes; an unknown subject, a subject
 * without metrics or a failed record fails the stream.
 */
export class RecommendPipeline {
  readonly #d: PipelineDependencies;
  readonly #actions: AllowedAction[];
  readonly #now: () => Date;

  constructor(dependencies: PipelineDependencies) {
    this.#d = dependencies;
    this.#actions = allowedActions(dependencies.pack.ruleSet);
    this.#now = dependencies.now ?? (() => new Date());
  }

  async *run(input: RecommendInput): AsyncGenerator<PipelineEvent> {
    const started = performance.now();
    let outcome: 'ok' | 'error' = 'error';
    try {
      yield* this.#run(input, started);
      outcome = 'ok';
    } finally {
      this.#d.observer.finished(outcome, (performance.now() - started) / 1000);
    }
  }

  async *#run(input: RecommendInput, started: number): AsyncGenerator<PipelineEvent> {
    const limit = checkInput(input);
    const { pack, subjects } = this.#d;
    const view = await subjects.get(input.subjectId, input.signal);
    assertSamePack(pack.name, view.subject);
    const metrics = view.metrics;
    if (metrics === undefined) {
      throw new RagfleetError(
        'FAILED_PRECONDITION',
        `Subject ${view.subject.id} has no metrics yet: put a snapshot first.`,
        { details: { subject_id: view.subject.id } },
      );
    }
    const weights = this.#d.weights();
    yield {
      progress: 0,
      status: {
        stage: 'started',
        message: `recommending for ${view.subject.id} with weights ${weights.version}`,
      },
    };
    const reading = readSubject(pack.name, pack.schema, metrics);
    yield {
      progress: 25,
      subjectInfo: {
        subject: view.subject,
        context: reading.context,
        summary: metricSummary(pack.schema, metrics),
      },
    };

    const rules = ruleCandidates(pack, metrics);
    const ruleBatch = this.#score(rules.produced, reading.context, weights, view.subject.id, limit, 'rule');
    if (ruleBatch.length > 0) await this.#d.recorder.record(ruleBatch, input.signal);
    yield { progress: 50, ruleRecommendations: batch(ruleBatch, 0, rules.merged) };
    await this.#publish(ruleBatch, input.tenant);

    let aiBatch: Batch = batch([], 0, 0);
    if (input.includeModel) {
      const seen = new Set(ruleBatch.map((r) => sameThingKey(r.action, r.target)));
      // Rule candidates beyond the limit were not sent, but they still say the same thing.
      for (const produced of rules.produced)
        seen.add(sameThingKey(produced.candidate.action, produced.candidate.target));
      aiBatch = await this.#modelBatch(view.subject, metrics, reading, weights, limit, seen, input);
      if (aiBatch.recommendations.length > 0)
        await this.#d.recorder.record(aiBatch.recommendations, input.signal);
    }
    yield { progress: 90, aiRecommendations: aiBatch };
    await this.#publish(aiBatch.recommendations, input.tenant);

    yield {
      progress: 100,
      complete: {
        total: ruleBatch.length + aiBatch.recommendations.length,
        weightsVersion: weights.version,
        rulePackVersion: String(pack.ruleSet.version),
        elapsedMs: Math.round((performance.now() - started) * 100) / 100,
      },
    };
  }

  async #modelBatch(
    subject: SubjectRecord,
    metrics: SubjectMetrics,
    reading: PackReading,
    weights: Weights,
    limit: number,
    seen: Set<string>,
    input: RecommendInput,
  ): Promise<Batch> {
    const { pack, suggester, observer } = this.#d;
    const signals = reading.worstSignals.slice(0, 3);
    const searchQuery =
      signals.length > 0
        ? `${pack.name} ${subject.name || subject.id}: how to fix ${signals.join('; ')}`
        : `${pack.name}: how to raise revenue and reliability`;
    let result;
    try {
      result = await suggester.suggest(
        {
          subject: subjectLines(subject, pack.schema, metrics),
          actions: this.#actions,
          searchQuery,
          k: this.#d.modelK,
          tier: input.tier,
          maxSuggestions: Math.min(this.#d.modelSuggestions, limit),
        },
        input.signal,
      );
    } catch (error) {
      if (input.signal?.aborted) throw error;
      const failure = toRagfleetError(error);
      observer.modelFailed(failure.code, failure.message);
      return { ...batch([], 0, 0), errorCode: failure.code, errorMessage: failure.message };
    }
    const model = modelCandidates(result, this.#actions, seen);
    for (const reason of model.dropped) observer.dropped(reason);
    const scored = this.#score(model.produced, reading.context, weights, subject.id, limit, 'model');
    return batch(scored, model.dropped.length, model.merged);
  }

  #score(
    produced: ProducedCandidate[],
    context: SubjectContext,
    weights: Weights,
    subjectId: string,
    limit: number,
    source: 'rule' | 'model',
  ): Recommendation[] {
    const origins = new Map(produced.map((p) => [p.candidate.id, p.origin]));
    const scored = scoreBatch(
      produced.map((p) => p.candidate),
      context,
      weights,
    );
    this.#d.observer.scored(source, scored.length);
    const generatedAt = this.#now().toISOString();
    return scored.slice(0, limit).map((s) =>
      toRecommendation(s, origins.get(s.candidate.id) as ProducedCandidate['origin'], {
        id: this.#d.newId(),
        subjectId,
        generatedAt,
      }),
    );
  }

  /** After the batch was sent: feedback already has it, so a failed event is logged, not fatal. */
  async #publish(recommendations: Recommendation[], tenant: string): Promise<void> {
    if (recommendations.length === 0) return;
    try {
      await this.#d.publisher.publish(recommendations, tenant);
    } catch (error) {
      this.#d.observer.publishFailed(error, recommendations.length);
    }
  }
}

function batch(recommendations: Recommendation[], dropped: number, merged: number): Batch {
  return { recommendations, dropped, merged, errorCode: '', errorMessage: '' };
}

function checkInput(input: RecommendInput): number {
  const problems = [];
  if (input.subjectId.trim() === '') problems.push({ field: 'subject_id', message: 'is required' });
  if (!Number.isInteger(input.limit) || input.limit < 0 || input.limit > MAX_LIMIT) {
    problems.push({ field: 'limit', message: `must be 0 (for ${DEFAULT_LIMIT}) to ${MAX_LIMIT}` });
  }
  if (problems.length > 0) {
    throw new RagfleetError(
      'INVALID_ARGUMENT',
      `Invalid recommend request: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`,
      { details: fieldDetails(problems) },
    );
  }
  return input.limit === 0 ? DEFAULT_LIMIT : input.limit;
}
