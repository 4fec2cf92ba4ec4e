import { protos, type GenerateV1 } from '@ragfleet/protos';
import { GrpcClient, type CallSettings, type ClientSettings } from '../client.ts';

/** Store round trips only (no model call). */
const ADMIN_CALL_DEADLINE_MS = 5_000;
const read = { idempotent: true, deadlineMs: ADMIN_CALL_DEADLINE_MS };
const write = { deadlineMs: ADMIN_CALL_DEADLINE_MS };

/**
 * Typed clients of generate's change-management services (same port as GenerateService):
 * prompt templates, experiments with their shadow report, and progressive rollouts.
 */
export class PromptClient {
  readonly grpc: GrpcClient<GenerateV1.PromptServiceClient>;

  constructor(address: string, settings?: ClientSettings) {
    this.grpc = new GrpcClient(protos.generate().PromptService, address, settings);
  }

  listPrompts(settings?: CallSettings) {
    return this.grpc.unary<GenerateV1.ListPromptsResponse__Output>(
      'ListPrompts',
      {},
      { ...read, ...settings },
    );
  }

  close(): void {
    this.grpc.close();
  }
}

export class ExperimentClient {
  readonly grpc: GrpcClient<GenerateV1.ExperimentServiceClient>;

  constructor(address: string, settings?: ClientSettings) {
    this.grpc = new GrpcClient(protos.generate().ExperimentService, address, settings);
  }

  /** Not retried: a second attempt would start a second experiment. */
  createExperiment(request: GenerateV1.CreateExperimentRequest, settings?: CallSettings) {
    return this.grpc.unary<GenerateV1.CreateExperimentResponse__Output>('CreateExperiment', request, {
      ...write,
      ...settings,
    });
  }

  getExperiment(id: string, settings?: CallSettings) {
    return this.grpc.unary<GenerateV1.GetExperimentResponse__Output>(
      'GetExperiment',
      { id },
      { ...read, ...settings },
    );
  }

  listExperiments(settings?: CallSettings) {
    return this.grpc.unary<GenerateV1.ListExperimentsResponse__Output>(
      'ListExperiments',
      {},
      {
        ...read,
        ...settings,
      },
    );
  }

  /** Idempotent: stopping a stopped experiment changes nothing. */
  stopExperiment(id: string, settings?: CallSettings) {
    return this.grpc.unary<GenerateV1.StopExperimentResponse__Output>(
      'StopExperiment',
      { id },
      {
        ...read,
        ...settings,
      },
    );
  }

  getShadowReport(settings?: CallSettings) {
    return this.grpc.unary<GenerateV1.GetShadowReportResponse__Output>(
      'GetShadowReport',
      {},
      {
        ...read,
        ...settings,
      },
    );
  }

  close(): void {
    this.grpc.close();
  }
}

export class RolloutClient {
  readonly grpc: GrpcClient<GenerateV1.RolloutServiceClient>;

  constructor(address: string, settings?: ClientSettings) {
    this.grpc = new GrpcClient(protos.generate().RolloutService, address, settings);
  }

  /** Not retried: a second attempt would start a second rollout. */
  createRollout(request: GenerateV1.CreateRolloutRequest, settings?: CallSettings) {
    return this.grpc.unary<GenerateV1.CreateRolloutResponse__Output>('CreateRollout', request, {
      ...write,
      ...settings,
    });
  }

  getRollout(id: string, settings?: CallSettings) {
    return this.grpc.unary<GenerateV1.GetRolloutResponse__Output>(
      'GetRollout',
      { id },
      { ...read, ...settings },
    );
  }

  listRollouts(settings?: CallSettings) {
    return this.grpc.unary<GenerateV1.ListRolloutsResponse__Output>(
      'ListRollouts',
      {},
      { ...read, ...settings },
    );
  }

  /** Idempotent: aborting an ended rollout changes nothing. */
  abortRollout(id: string, settings?: CallSettings) {
    return this.grpc.unary<GenerateV1.AbortRolloutResponse__Output>(
      'AbortRollout',
      { id },
      {
        ...read,
        ...settings,
      },
    );
  }

  close(): void {
    this.grpc.close();
  }
}
