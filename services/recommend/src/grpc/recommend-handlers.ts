import type { CallContext } from '@ragfleet/grpc';
import type { FeedbackV1, RecommendV1 } from '@ragfleet/protos';
import type { RecommendPipeline } from '../domain/recommendations/recommend-pipeline.ts';
import { factorsOf } from '../domain/recommendations/recommendation.ts';
import type { Scorer } from '../domain/recommendations/scorer.ts';
import type { RulePack } from '../domain/rules/load-pack.ts';
import { setEffects } from '../domain/scoring/inputs.ts';
import type { SubjectContext } from '../domain/scoring/types.ts';
import type { WeightsHolder } from '../domain/weights/weights-holder.ts';

export interface RecommendHandlerDependencies {
  scorer: Scorer;
  pipeline: RecommendPipeline;
  holder: WeightsHolder;
  pack: RulePack;
}

/** Only the parts the caller set: an unset optional is unknown (neutral), never 0. */
function contextOf(context: RecommendV1.SubjectContext__Output | null | undefined): SubjectContext {
  const out: SubjectContext = {};
  if (context?.health !== undefined) out.health = context.health;
  if (context?.networkConditions !== undefined) out.networkConditions = context.networkConditions;
  if (context?.metricCompleteness !== undefined) out.metricCompleteness = context.metricCompleteness;
  return out;
}

/** RecommendService: thin, the domain does the work (Scorer, RecommendPipeline, WeightsHolder). */
export function recommendHandlers({ scorer, pipeline, holder, pack }: RecommendHandlerDependencies) {
  return {
    Score: async (
      request: RecommendV1.ScoreRequest__Output,
      context: CallContext,
    ): Promise<RecommendV1.ScoreResponse> => {
      const result = await scorer.score({
        candidates: request.candidates.map((c) => ({
          id: c.id,
          category: c.category,
          action: c.action,
          target: c.target,
          description: c.description,
          effects: setEffects(c.effects),
        })),
        subjectId: request.subjectId,
        context: contextOf(request.context),
        signal: context.signal,
      });
      return {
        weightsVersion: result.weightsVersion,
        scored: result.scored.map(({ proposed, scored }) => ({
          candidate: { ...proposed, effects: scored.candidate.effects },
          score: scored.score,
          priority: scored.priority,
          confidence: scored.confidence,
          reasoning: scored.reasoning,
          factors: factorsOf(scored),
        })),
      };
    },

    Recommend: (
      request: RecommendV1.RecommendRequest__Output,
      context: CallContext,
    ): AsyncIterable<RecommendV1.RecommendResponse> =>
      pipeline.run({
        subjectId: request.subjectId,
        includeModel: request.includeModel,
        limit: request.limit,
        tier: request.tier || context.tier || '',
        tenant: context.tenant,
        signal: context.signal,
      }),

    GetScorerState: async (): Promise<RecommendV1.GetScorerStateResponse> => {
      const current = holder.description;
      const weights: FeedbackV1.WeightsVersion = {
        version: current.version,
        factors: current.factors,
        createdAt: current.createdAt,
        origin: current.origin,
        // False while this replica scores with its built-in seed because feedback has not answered.
        active: holder.source === 'feedback',
      };
      return {
        weights,
        rulePack: pack.name,
        rulePackVersion: String(pack.ruleSet.version),
        rules: pack.ruleSet.rules.length,
        weightsLoadedAt: holder.loadedAt.toISOString(),
      };
    },
  };
}
