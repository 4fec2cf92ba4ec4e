export { GrpcClient, RECONNECT_CHANNEL_OPTIONS, type CallSettings, type ClientSettings } from './client.ts';
export { Transport, developmentTransport, type TransportOptions, type TransportTls } from './transport.ts';
export {
  ServiceTokenRejected,
  ServiceTokens,
  type ServiceIdentity,
  type ServiceTokensOptions,
  type TokenRejection,
} from './auth/service-tokens.ts';
export {
  GrpcServer,
  type CallContext,
  type GrpcServerOptions,
  type Handlers,
  type StreamHandler,
  type UnaryHandler,
} from './server.ts';
export {
  AUTHORIZATION_KEY,
  DEFAULT_TENANT,
  KEY_ID_KEY,
  REQUEST_ID_KEY,
  TENANT_KEY,
  TIER_KEY,
  USER_KEY,
  outgoingMetadata,
  readIncomingMetadata,
  type CallerContext,
  type CallerFields,
  type IncomingIdentity,
} from './metadata.ts';
export { fromGrpcError, toGrpcStatus, upstreamFailure } from './status.ts';
export { EmbedClient } from './clients/embed-client.ts';
export { RetrieveClient } from './clients/retrieve-client.ts';
export { INGEST_LIMITS } from './clients/ingest-limits.ts';
export { IndexVersionClient } from './clients/index-version-client.ts';
export { RouterClient } from './clients/router-client.ts';
export { GenerateClient } from './clients/generate-client.ts';
export { SessionClient } from './clients/session-client.ts';
export { FeedbackClient, SubjectClient, WeightsClient } from './clients/feedback-client.ts';
export { RecommendClient } from './clients/recommend-client.ts';
export { ExperimentClient, PromptClient, RolloutClient } from './clients/experiment-client.ts';
