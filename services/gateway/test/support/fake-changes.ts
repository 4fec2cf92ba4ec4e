import { invalidField, RagfleetError } from '@ragfleet/errors';
import type { CallContext } from '@ragfleet/grpc';
import { protos, type GenerateV1 } from '@ragfleet/protos';
import { RecordingFake } from './recording-fake.ts';

/*
 * Generate's PromptService, ExperimentService and RolloutService as one real gRPC server with
 * in-memory behaviour, so the gateway's admin routes are tested through the production clients,
 * metadata and status mapping. It refuses as generate does: an unknown prompt version is an
 * INVALID_ARGUMENT naming the field, an unknown id NOT_FOUND, a second running change of one
 * family FAILED_PRECONDITION.
 */

/** The templates the fake "loaded": answer v1 (default) and v2, and a panel family. */
const FAMILIES: GenerateV1.PromptFamily[] = [
  {
    name: 'answer',
    versions: [
      { version: 'v1', variables: ['context', 'question'], digest: 'sha256:aa' },
      { version: 'v2', variables: ['context', 'question'], digest: 'sha256:bb' },
    ],
    defaultVersion: 'v1',
    defaultSource: 'config',
  },
  {
    name: 'panel-risks',
    versions: [{ version: 'v1', variables: ['context', 'question'], digest: 'sha256:cc' }],
    defaultVersion: 'v1',
    defaultSource: 'config',
  },
];

const NOW = '2026-12-01T22:00:00.000Z';

export class FakeChanges extends RecordingFake {
  readonly experiments = new Map<string, GenerateV1.Experiment>();
  readonly rollouts = new Map<string, GenerateV1.Rollout>();
  /** What a retrieval candidate measures at creation; undefined: no labelled set (refused). */
  recallAt5: number | undefined = 0.82;
  /** Replace to answer GetShadowReport differently. */
  shadow: GenerateV1.GetShadowReportResponse = {
    enabled: true,
    share: 0.05,
    summary: {
      candidate: 'openai/gpt-4o-mini',
      runs: '120',
      errors: '2',
      latencyMsDelta: -35.5,
      costUsdDelta: 0.0004,
      lengthRatio: 1.1,
      citationOverlap: 0.8,
      budgetUsd: 5,
      spentUsd: 1.25,
      skippedBudget: '0',
    },
  };
  #next = 1;

  constructor() {
    super('fake-changes');
    const generate = protos.generate();
    this.server.addService('ragfleet.generate.v1.PromptService', generate.PromptService.service, {
      ListPrompts: async (request: unknown, context: CallContext) => {
        this.see('ListPrompts', request, context);
        return { families: FAMILIES };
      },
    });
    this.server.addService('ragfleet.generate.v1.ExperimentService', generate.ExperimentService.service, {
      CreateExperiment: async (request: GenerateV1.CreateExperimentRequest__Output, context: CallContext) => {
        this.see('CreateExperiment', request, context);
        return { experiment: this.#createExperiment(request) };
      },
      GetExperiment: async (request: GenerateV1.GetExperimentRequest__Output, context: CallContext) => {
        this.see('GetExperiment', request, context);
        return { experiment: this.#experiment(request.id) };
      },
      ListExperiments: async (request: unknown, context: CallContext) => {
        this.see('ListExperiments', request, context);
        return { experiments: [...this.experiments.values()] };
      },
      StopExperiment: async (request: GenerateV1.StopExperimentRequest__Output, context: CallContext) => {
        this.see('StopExperiment', request, context);
        const experiment = this.#experiment(request.id);
        if (experiment.state === 'EXPERIMENT_STATE_RUNNING') {
          experiment.state = 'EXPERIMENT_STATE_STOPPED';
          experiment.decision = 'stopped by an operator';
          experiment.endedAt = NOW;
        }
        return { experiment };
      },
      GetShadowReport: async (request: unknown, context: CallContext) => {
        this.see('GetShadowReport', request, context);
        return this.shadow;
      },
    });
    this.server.addService('ragfleet.generate.v1.RolloutService', generate.RolloutService.service, {
      CreateRollout: async (request: GenerateV1.CreateRolloutRequest__Output, context: CallContext) => {
        this.see('CreateRollout', request, context);
        return { rollout: this.#createRollout(request) };
      },
      GetRollout: async (request: GenerateV1.GetRolloutRequest__Output, context: CallContext) => {
        this.see('GetRollout', request, context);
        return { rollout: this.#rollout(request.id) };
      },
      ListRollouts: async (request: unknown, context: CallContext) => {
        this.see('ListRollouts', request, context);
        return { rollouts: [...this.rollouts.values()] };
      },
      AbortRollout: async (request: GenerateV1.AbortRolloutRequest__Output, context: CallContext) => {
        this.see('AbortRollout', request, context);
        const rollout = this.#rollout(request.id);
        if (rollout.state === 'ROLLOUT_STATE_RUNNING') {
          rollout.state = 'ROLLOUT_STATE_ROLLED_BACK';
          rollout.reason = 'aborted';
          rollout.endedAt = NOW;
        }
        return { rollout };
      },
    });
  }

  /** A family runs one change at a time: two would split the same traffic two ways. */
  #busy(family: string): boolean {
    return (
      [...this.experiments.values()].some(
        (experiment) => experiment.family === family && experiment.state === 'EXPERIMENT_STATE_RUNNING',
      ) ||
      [...this.rollouts.values()].some(
        (rollout) => rollout.family === family && rollout.state === 'ROLLOUT_STATE_RUNNING',
      )
    );
  }

  #checkVersion(family: string, version: string, field: string): void {
    if (!version) return;
    const known = FAMILIES.find((entry) => entry.name === family)?.versions ?? [];
    if (!known.some((entry) => entry.version === version)) {
      throw invalidField(field, `unknown version ${version} of ${family}`);
    }
  }

  #createExperiment(request: GenerateV1.CreateExperimentRequest__Output): GenerateV1.Experiment {
    const family = request.family || 'answer';
    request.variants.forEach((variant, index) =>
      this.#checkVersion(family, variant.promptVersion, `variants.${index}.prompt_version`),
    );
    if (this.#busy(family)) {
      throw new RagfleetError('FAILED_PRECONDITION', `The ${family} family already runs a change.`);
    }
    const id = `exp-${this.#next++}`;
    const experiment: GenerateV1.Experiment = {
      id,
      name: request.name,
      family,
      variants: request.variants,
      metric: request.metric,
      minSamples: request.minSamples,
      alpha: request.alpha || 0.05,
      maxSamples: request.maxSamples,
      state: 'EXPERIMENT_STATE_RUNNING',
      // Made-up but distinct per variant, so a mapping that mixes fields up shows.
      results: request.variants.map((variant, index) => ({
        variant: variant.name,
        answers: String(100 + index),
        errors: String(index),
        rated: String(40 + index),
        thumbsUp: String(20 + 10 * index),
        costUsdTotal: 0.5 + index,
        latencyMsTotal: 12_000 + index,
        value: (20 + 10 * index) / (40 + index),
        ciLow: 0.3 + index / 10,
        ciHigh: 0.6 + index / 10,
      })),
      winner: '',
      decision: '',
      createdAt: NOW,
      endedAt: '',
    };
    this.experiments.set(id, experiment);
    return experiment;
  }

  #experiment(id: string): GenerateV1.Experiment {
    const experiment = this.experiments.get(id);
    if (!experiment) throw new RagfleetError('NOT_FOUND', `No experiment ${id}.`);
    return experiment;
  }

  #createRollout(request: GenerateV1.CreateRolloutRequest__Output): GenerateV1.Rollout {
    const family = request.family || 'answer';
    this.#checkVersion(family, request.candidate?.promptVersion ?? '', 'candidate.prompt_version');
    if (this.#busy(family)) {
      throw new RagfleetError('FAILED_PRECONDITION', `The ${family} family already runs a change.`);
    }
    const retrieval = request.candidate?.retrieval;
    if (retrieval && this.recallAt5 === undefined) {
      throw new RagfleetError('FAILED_PRECONDITION', 'A retrieval candidate needs a labelled set.');
    }
    const id = `ro-${this.#next++}`;
    const stages = request.stages.length
      ? request.stages
      : [0.1, 0.5, 1].map((share) => ({ share, holdSeconds: 600, holdAnswers: 200 }));
    const rollout: GenerateV1.Rollout = {
      id,
      family,
      candidate: request.candidate ?? { name: 'candidate' },
      stages,
      stage: 0,
      state: 'ROLLOUT_STATE_RUNNING',
      maxErrorRate: request.maxErrorRate || 0.01,
      minQuality: request.minQuality || 0.7,
      minRated: request.minRated || 50,
      ...(retrieval ? { minRecall: request.minRecall || 0.7, recallAt_5: this.recallAt5 } : {}),
      current: {
        variant: 'candidate',
        answers: '7',
        errors: '0',
        rated: '3',
        thumbsUp: '2',
        costUsdTotal: 0.01,
        latencyMsTotal: 700,
        value: 0,
        ciLow: 0,
        ciHigh: 0.05,
      },
      reason: '',
      createdAt: NOW,
      stageStartedAt: NOW,
      endedAt: '',
    };
    this.rollouts.set(id, rollout);
    return rollout;
  }

  #rollout(id: string): GenerateV1.Rollout {
    const rollout = this.rollouts.get(id);
    if (!rollout) throw new RagfleetError('NOT_FOUND', `No rollout ${id}.`);
    return rollout;
  }
}
