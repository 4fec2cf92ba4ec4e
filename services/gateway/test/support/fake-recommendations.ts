import { invalidField, RagfleetError } from '@ragfleet/errors';
import type { CallContext } from '@ragfleet/grpc';
import { protos, type FeedbackV1, type RecommendV1 } from '@ragfleet/protos';
import { RecordingFake } from './recording-fake.ts';

/*
 * The recommend and feedback services as real gRPC servers with in-memory behaviour, so the
 * gateway's recommendation routes are tested through the clients, metadata and status mapping
 * of production. Everything is kept per tenant as the call's identity names it: another tenant's
 * subject or recommendation does not exist (NOT_FOUND), as the contract says.
 */

/** The metrics the fake's "lightning" pack knows; any other name is refused as the service would. */
const PACK_METRICS = new Set(['capacity_sat', 'routing_revenue_sat', 'channel_count', 'success_rate']);
const CHANNEL_METRICS = new Set(['local_ratio', 'capacity_sat', 'fee_ppm']);

interface StoredSubject {
  subject: FeedbackV1.Subject;
  snapshots: FeedbackV1.MetricSnapshot[];
}

const FORWARD: Record<string, string[]> = {
  STAGE_GENERATED: ['STAGE_SHOWN', 'STAGE_APPLIED', 'STAGE_DISMISSED'],
  STAGE_SHOWN: ['STAGE_APPLIED', 'STAGE_DISMISSED'],
  STAGE_APPLIED: ['STAGE_MEASURED'],
  STAGE_DISMISSED: [],
  STAGE_MEASURED: [],
};

const SEED_WEIGHTS: FeedbackV1.FactorWeight[] = [
  { name: 'revenue_impact', weight: 0.3 },
  { name: 'ease_of_implementation', weight: 0.2 },
  { name: 'risk_level', weight: 0.15 },
  { name: 'time_to_value', weight: 0.15 },
  { name: 'data_confidence', weight: 0.1 },
  { name: 'network_conditions', weight: 0.1 },
];

/** A score from a candidate's expected effects: more revenue and less risk score higher. */
function scoreOf(effects: FeedbackV1.ExpectedEffects__Output | null | undefined): number {
  const revenue = Math.max(0, Math.min(1, (effects?.revenueDeltaFraction ?? 0) * 2));
  const risk = effects?.risk ?? 0.5;
  return Math.round((50 + 40 * revenue - 30 * risk) * 10) / 10;
}

function priorityOf(score: number): string {
  if (score >= 80) return 'CRITICAL';
  if (score >= 65) return 'HIGH';
  if (score >= 50) return 'MEDIUM';
  if (score >= 35) return 'LOW';
  return 'INFO';
}

export class FakeRecommendations extends RecordingFake {
  readonly subjects = new Map<string, StoredSubject>();
  readonly records = new Map<string, { tenant: string; record: FeedbackV1.RecommendationRecord }>();
  readonly answerFeedback = new Map<
    string,
    FeedbackV1.RecordAnswerFeedbackRequest__Output & { id: string }
  >();
  readonly weights: FeedbackV1.WeightsVersion[] = [
    {
      version: 'w1',
      factors: SEED_WEIGHTS,
      createdAt: '2026-01-01T00:00:00.000Z',
      origin: 'seed',
      active: true,
    },
  ];
  /** When set, the Recommend stream stops (without `complete`) after this many events. */
  cutAfter: number | undefined;
  /** When set, the model source fails with this code (the stream still completes). */
  modelFailure: string | undefined;
  #next = 1;

  constructor() {
    super('fake-recommendations');
    this.server.addService('ragfleet.feedback.v1.SubjectService', protos.feedback().SubjectService.service, {
      CreateSubject: async (request: FeedbackV1.CreateSubjectRequest__Output, context: CallContext) => {
        this.see('CreateSubject', request, context);
        if (request.pack !== 'lightning') throw invalidField('pack', `unknown pack "${request.pack}"`);
        const id = request.id || `subject-${this.#next++}`;
        if (this.subjects.has(this.#key(context, id)))
          throw new RagfleetError('CONFLICT', `subject ${id} already exists`);
        const subject: FeedbackV1.Subject = {
          id,
          pack: request.pack,
          name: request.name,
          labels: request.labels,
          createdAt: new Date().toISOString(),
          metricsObservedAt: '',
          snapshotCount: 0,
        };
        this.subjects.set(this.#key(context, id), { subject, snapshots: [] });
        return { subject };
      },
      GetSubject: async (request: FeedbackV1.GetSubjectRequest__Output, context: CallContext) => {
        this.see('GetSubject', request, context);
        const stored = this.#subject(context, request.id);
        return { subject: stored.subject, latest: stored.snapshots.at(-1) ?? null };
      },
      ListSubjects: async (request: FeedbackV1.ListSubjectsRequest__Output, context: CallContext) => {
        this.see('ListSubjects', request, context);
        const prefix = `${context.tenant}/`;
        const subjects = [...this.subjects.entries()]
          .filter(([key]) => key.startsWith(prefix))
          .map(([, stored]) => stored.subject);
        return { subjects: subjects.slice(0, request.limit || 50) };
      },
      PutMetrics: async (request: FeedbackV1.PutMetricsRequest__Output, context: CallContext) => {
        this.see('PutMetrics', request, context);
        const stored = this.#subject(context, request.subjectId);
        const snapshot = request.snapshot;
        for (const name of Object.keys(snapshot?.metrics ?? {})) {
          if (!PACK_METRICS.has(name))
            throw invalidField(`metrics.${name}`, 'not a metric of pack lightning');
        }
        for (const collection of snapshot?.collections ?? []) {
          if (collection.scope !== 'channel')
            throw invalidField(`collections.${collection.scope}`, 'not a scope of pack lightning');
          for (const item of collection.items)
            for (const name of Object.keys(item.metrics))
              if (!CHANNEL_METRICS.has(name))
                throw invalidField(`collections.channel.${name}`, 'not a channel metric');
        }
        stored.snapshots.push(snapshot ?? { observedAt: '', metrics: {}, collections: [] });
        stored.subject.snapshotCount = stored.snapshots.length;
        stored.subject.metricsObservedAt = snapshot?.observedAt ?? '';
        return { subject: stored.subject };
      },
    });
    this.server.addService(
      'ragfleet.feedback.v1.FeedbackService',
      protos.feedback().FeedbackService.service,
      {
        RecordGenerated: async (request: FeedbackV1.RecordGeneratedRequest__Output, context: CallContext) => {
          this.see('RecordGenerated', request, context);
          return { recorded: request.recommendations.length };
        },
        GetRecommendation: async (
          request: FeedbackV1.GetRecommendationRequest__Output,
          context: CallContext,
        ) => {
          this.see('GetRecommendation', request, context);
          return { record: this.#record(context, request.id) };
        },
        ListRecommendations: async (_request: unknown, context: CallContext) => {
          this.see('ListRecommendations', {}, context);
          return {
            records: [...this.records.values()]
              .filter((entry) => entry.tenant === context.tenant)
              .map((e) => e.record),
          };
        },
        Transition: async (request: FeedbackV1.TransitionRequest__Output, context: CallContext) => {
          this.see('Transition', request, context);
          const record = this.#record(context, request.id);
          const from = String(record.stage);
          const to = String(request.to);
          if (from !== to) {
            if (!FORWARD[from]?.includes(to))
              throw new RagfleetError(
                'FAILED_PRECONDITION',
                `cannot move a recommendation from ${from} to ${to}`,
              );
            record.stage = request.to;
            record.history = [
              ...(record.history ?? []),
              { stage: request.to, at: new Date().toISOString(), actor: context.user ?? 'service' },
            ];
            if (to === 'STAGE_APPLIED')
              record.measureDueAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
          }
          return { record };
        },
        GetStats: async (request: FeedbackV1.GetStatsRequest__Output, context: CallContext) => {
          this.see('GetStats', request, context);
          const mine = [...this.records.values()].filter((entry) => entry.tenant === context.tenant);
          const count = (stage: string) =>
            mine.filter((entry) => String(entry.record.stage) === stage).length;
          const applied = count('STAGE_APPLIED');
          const dismissed = count('STAGE_DISMISSED');
          const overall = {
            category: '',
            generated: mine.length,
            shown: count('STAGE_SHOWN'),
            applied,
            dismissed,
            measured: 0,
            successRate: 0,
            meanEffectiveness: 0,
            acceptanceRate: applied + dismissed === 0 ? 0 : applied / (applied + dismissed),
          };
          const ratings = [...this.answerFeedback.entries()].filter(([key]) =>
            key.startsWith(`${context.tenant}/`),
          );
          return {
            categories: [{ ...overall, category: 'liquidity' }],
            overall,
            topEffective: mine.slice(0, request.top || 5).map((entry) => entry.record),
            answerFeedbackUp: ratings.filter(([, rating]) => rating.rating === 'RATING_UP').length,
            answerFeedbackDown: ratings.filter(([, rating]) => rating.rating === 'RATING_DOWN').length,
          };
        },
        RecordAnswerFeedback: async (
          request: FeedbackV1.RecordAnswerFeedbackRequest__Output,
          context: CallContext,
        ) => {
          this.see('RecordAnswerFeedback', request, context);
          const key = `${context.tenant}/${context.user ?? ''}/${request.answerId}`;
          const replaced = this.answerFeedback.has(key);
          const id = this.answerFeedback.get(key)?.id ?? `fb-${this.#next++}`;
          this.answerFeedback.set(key, { ...request, id });
          return { id, recordedAt: new Date().toISOString(), replaced };
        },
      },
    );
    this.server.addService('ragfleet.feedback.v1.WeightsService', protos.feedback().WeightsService.service, {
      GetActiveWeights: async () => ({ weights: this.weights.find((version) => version.active) }),
      ListWeights: async (request: FeedbackV1.ListWeightsRequest__Output, context: CallContext) => {
        this.see('ListWeights', request, context);
        return { versions: [...this.weights].reverse().slice(0, request.limit || 50) };
      },
      FitWeights: async (_request: unknown, context: CallContext) => {
        this.see('FitWeights', {}, context);
        const measured = [...this.records.values()].filter(
          (entry) => String(entry.record.stage) === 'STAGE_MEASURED',
        );
        if (measured.length < 1)
          throw new RagfleetError('FAILED_PRECONDITION', 'fewer than 1 measured outcomes');
        return { weights: this.weights.at(-1), changed: false };
      },
      RollbackWeights: async (request: FeedbackV1.RollbackWeightsRequest__Output, context: CallContext) => {
        this.see('RollbackWeights', request, context);
        const target = this.weights.find((version) => version.version === request.version);
        if (!target) throw new RagfleetError('NOT_FOUND', `weights version ${request.version} not found`);
        for (const version of this.weights) version.active = false;
        const restored: FeedbackV1.WeightsVersion = {
          ...target,
          version: `w${this.weights.length + 1}`,
          origin: 'rollback',
          restoredVersion: target.version,
          active: true,
          createdAt: new Date().toISOString(),
        };
        this.weights.push(restored);
        return { weights: restored };
      },
    });
    this.server.addService(
      'ragfleet.recommend.v1.RecommendService',
      protos.recommend().RecommendService.service,
      {
        Score: async (request: RecommendV1.ScoreRequest__Output, context: CallContext) => {
          this.see('Score', request, context);
          if (request.subjectId) this.#subject(context, request.subjectId);
          const scored = request.candidates
            .map((candidate) => {
              const score = scoreOf(candidate.effects);
              return {
                candidate: { ...candidate, id: candidate.id || `${candidate.action}:${candidate.target}` },
                score,
                priority: priorityOf(score),
                confidence: candidate.effects ? 0.8 : 0.4,
                reasoning: `${score}/100`,
                factors: [{ name: 'revenue_impact', value: score / 100, weight: 0.3, hasInput: true }],
              };
            })
            .sort((a, b) => b.score - a.score);
          return { scored, weightsVersion: this.#activeWeights() };
        },
        Recommend: (request: RecommendV1.RecommendRequest__Output, context: CallContext) => {
          this.see('Recommend', request, context);
          return this.#recommend(request, context);
        },
        GetScorerState: async () => ({ rulePack: 'lightning', rulePackVersion: '1', rules: 10 }),
      },
    );
  }

  async *#recommend(
    request: RecommendV1.RecommendRequest__Output,
    context: CallContext,
  ): AsyncGenerator<RecommendV1.RecommendResponse> {
    // Unknown subject: an error before any event, as the scorer answers it.
    const stored = this.#subject(context, request.subjectId);
    const weightsVersion = this.#activeWeights();
    const events: RecommendV1.RecommendResponse[] = [
      { progress: 0, status: { stage: 'started', message: 'reading the subject' } },
      {
        progress: 25,
        subjectInfo: {
          subject: stored.subject,
          context: { health: 0.7 },
          summary: { 'node.capacity_sat': stored.snapshots.at(-1)?.metrics?.capacity_sat ?? 0 },
        },
      },
    ];
    // One rule per channel that holds most of its liquidity locally: a real rule of node operation.
    const channels = stored.snapshots
      .at(-1)
      ?.collections?.find((collection) => collection.scope === 'channel');
    const rules = (channels?.items ?? [])
      .filter((item) => Number(item.metrics?.local_ratio ?? 0) > 0.8)
      .map((item) =>
        this.#generated(context, request, 'rule', 'rebalance', item.id ?? '', 0.2, weightsVersion),
      );
    events.push({ progress: 50, ruleRecommendations: { recommendations: rules, dropped: 0, merged: 0 } });
    const model =
      request.includeModel && !this.modelFailure
        ? [this.#generated(context, request, 'model', 'raise_fees', 'node', 0.6, weightsVersion)]
        : [];
    events.push({
      progress: 90,
      aiRecommendations: {
        recommendations: model,
        dropped: request.includeModel && !this.modelFailure ? 1 : 0,
        merged: 0,
        errorCode: this.modelFailure ?? '',
        errorMessage: this.modelFailure ? 'the model chain failed' : '',
      },
    });
    events.push({
      progress: 100,
      complete: { total: rules.length + model.length, weightsVersion, rulePackVersion: '1', elapsedMs: 3 },
    });
    const limit = this.cutAfter ?? events.length;
    for (const event of events.slice(0, limit)) {
      yield event;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  #generated(
    context: CallContext,
    request: RecommendV1.RecommendRequest__Output,
    source: string,
    action: string,
    target: string,
    risk: number,
    weightsVersion: string,
  ): FeedbackV1.Recommendation {
    const effects = { revenueDeltaFraction: source === 'rule' ? 0.3 : 0.1, risk };
    const score = scoreOf(effects as FeedbackV1.ExpectedEffects__Output);
    const recommendation: FeedbackV1.Recommendation = {
      id: `rec-${this.#next++}`,
      subjectId: request.subjectId,
      category: 'liquidity',
      action,
      target,
      description: `${action} ${target}`,
      source,
      ruleIds: source === 'rule' ? ['lightning.rebalance-outbound'] : [],
      inputs: source === 'rule' ? { 'channel.local_ratio': 0.9 } : {},
      effects,
      score,
      priority: priorityOf(score),
      confidence: 0.7,
      reasoning: `${score}/100: high revenue impact`,
      factors: [{ name: 'risk_level', value: 1 - risk, weight: 0.15, hasInput: true }],
      weightsVersion,
      generatedAt: new Date().toISOString(),
      grounding: [],
    };
    this.records.set(recommendation.id ?? '', {
      tenant: context.tenant,
      record: {
        recommendation,
        stage: 'STAGE_GENERATED',
        history: [{ stage: 'STAGE_GENERATED', at: new Date().toISOString(), actor: 'service' }],
        measureDueAt: '',
      },
    });
    return recommendation;
  }

  #activeWeights(): string {
    return this.weights.find((version) => version.active)?.version ?? '';
  }

  #key(context: CallContext, id: string): string {
    return `${context.tenant}/${id}`;
  }

  #subject(context: CallContext, id: string): StoredSubject {
    const stored = this.subjects.get(this.#key(context, id));
    if (!stored) throw new RagfleetError('NOT_FOUND', `subject ${id} not found`);
    return stored;
  }

  #record(context: CallContext, id: string): FeedbackV1.RecommendationRecord {
    const entry = this.records.get(id);
    if (!entry || entry.tenant !== context.tenant)
      throw new RagfleetError('NOT_FOUND', `recommendation ${id} not found`);
    return entry.record;
  }
}
