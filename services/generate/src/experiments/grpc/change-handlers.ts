import { RagfleetError } from '@ragfleet/errors';
import type { Handlers } from '@ragfleet/grpc';
import type { GenerateV1 } from '@ragfleet/protos';
import type { Experiments } from '../domain/experiments.ts';
import type { PromptRegistry } from '../domain/prompt-registry.ts';
import type { Rollouts } from '../domain/rollouts.ts';
import { toExperiment, toMetric, toRawVariant, toRollout, toStage } from './messages.ts';

export type ShadowReport = () => Promise<GenerateV1.GetShadowReportResponse>;

/** Until shadow traffic is wired in, the report says so with a stable code. */
export const shadowOff: ShadowReport = async () => {
  throw new RagfleetError('FAILED_PRECONDITION', 'shadow is off');
};

const requireId = (id: string) => {
  if (!id.trim()) {
    throw new RagfleetError('INVALID_ARGUMENT', 'id: must not be empty', {
      details: { fields: [{ field: 'id', message: 'must not be empty' }] },
    });
  }
  return id.trim();
};

export function promptHandlers(registry: PromptRegistry): Handlers {
  return {
    ListPrompts: async () => ({ families: await registry.list() }),
  };
}

/** Every change made here is read back by this replica at once (the others within cacheMs). */
export function experimentHandlers(
  experiments: Experiments,
  changed: () => Promise<void>,
  shadow: ShadowReport,
): Handlers {
  return {
    CreateExperiment: async (request: GenerateV1.CreateExperimentRequest__Output) => {
      const view = await experiments.create({
        name: request.name,
        family: request.family.trim(),
        variants: request.variants.map(toRawVariant),
        metric: toMetric(request.metric),
        minSamples: request.minSamples,
        alpha: request.alpha,
        maxSamples: request.maxSamples,
      });
      await changed();
      return { experiment: toExperiment(view) };
    },
    GetExperiment: async (request: GenerateV1.GetExperimentRequest__Output) => ({
      experiment: toExperiment(await experiments.get(requireId(request.id))),
    }),
    ListExperiments: async () => ({ experiments: (await experiments.list()).map(toExperiment) }),
    StopExperiment: async (request: GenerateV1.StopExperimentRequest__Output) => {
      const view = await experiments.stop(requireId(request.id));
      await changed();
      return { experiment: toExperiment(view) };
    },
    GetShadowReport: () => shadow(),
  };
}

export function rolloutHandlers(rollouts: Rollouts, changed: () => Promise<void>): Handlers {
  return {
    CreateRollout: async (request: GenerateV1.CreateRolloutRequest__Output) => {
      const view = await rollouts.create({
        family: request.family.trim(),
        candidate: request.candidate ? toRawVariant(request.candidate) : undefined,
        stages: request.stages.map(toStage),
        maxErrorRate: request.maxErrorRate,
        minQuality: request.minQuality,
        minRated: request.minRated,
        minRecall: request.minRecall,
      });
      await changed();
      return { rollout: toRollout(view) };
    },
    GetRollout: async (request: GenerateV1.GetRolloutRequest__Output) => ({
      rollout: toRollout(await rollouts.get(requireId(request.id))),
    }),
    ListRollouts: async () => ({ rollouts: (await rollouts.list()).map(toRollout) }),
    AbortRollout: async (request: GenerateV1.AbortRolloutRequest__Output) => {
      const view = await rollouts.abort(requireId(request.id));
      await changed();
      return { rollout: toRollout(view) };
    },
  };
}
