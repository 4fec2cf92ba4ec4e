import type {
  ExperimentClient,
  FeedbackClient,
  GenerateClient,
  IndexVersionClient,
  PromptClient,
  RecommendClient,
  RetrieveClient,
  RolloutClient,
  SessionClient,
  SubjectClient,
  WeightsClient,
} from '@ragfleet/grpc';

/** What the routes need from upstream services: the typed gRPC clients, or anything shaped like them. */
export type RetrieveUpstream = Pick<
  RetrieveClient,
  'ingestDocuments' | 'getJob' | 'getDocument' | 'deleteDocument' | 'search'
>;
export type GenerateUpstream = Pick<GenerateClient, 'answer'>;

export interface Readiness {
  ready: boolean;
  /** Per dependency: 'ok' or why not. */
  checks: Record<string, string>;
}

export type IndexVersionUpstream = Pick<
  IndexVersionClient,
  'build' | 'get' | 'list' | 'activate' | 'rollback'
>;

/** The session service: conversations, their turns (streamed, resumable) and operator counts. */
export type SessionUpstream = Pick<
  SessionClient,
  'createSession' | 'getSession' | 'listSessions' | 'deleteSession' | 'turn' | 'resumeTurn' | 'getStats'
>;

/** The recommendation-scorer: scoring a batch, and the whole pipeline as a stream. */
export type RecommendUpstream = Pick<RecommendClient, 'score' | 'recommend'>;

/** The feedback service's subjects and their metric snapshots. */
export type SubjectUpstream = Pick<
  SubjectClient,
  'createSubject' | 'getSubject' | 'listSubjects' | 'putMetrics'
>;

/** The feedback service's recommendation lifecycle, statistics and answer feedback. */
export type FeedbackUpstream = Pick<
  FeedbackClient,
  'getRecommendation' | 'transition' | 'getStats' | 'recordAnswerFeedback'
>;

/** The feedback service's factor weights (operators: list, fit now, roll back). */
export type WeightsUpstream = Pick<WeightsClient, 'listWeights' | 'fitWeights' | 'rollbackWeights'>;

/** The recommendation half of the fleet, as the gateway reaches it (the clients on two ports). */
export interface RecommendationUpstreams {
  recommend: RecommendUpstream;
  subjects: SubjectUpstream;
  feedback: FeedbackUpstream;
  weights: WeightsUpstream;
}

/**
 * Generate's change management (issue 14), three gRPC services on generate's one port: the
 * prompt templates, A/B experiments with the shadow report, and progressive rollouts.
 */
export interface ChangeUpstreams {
  prompts: Pick<PromptClient, 'listPrompts'>;
  experiments: Pick<
    ExperimentClient,
    'createExperiment' | 'getExperiment' | 'listExperiments' | 'stopExperiment' | 'getShadowReport'
  >;
  rollouts: Pick<RolloutClient, 'createRollout' | 'getRollout' | 'listRollouts' | 'abortRollout'>;
}
