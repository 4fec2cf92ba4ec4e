import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { LOADER_OPTIONS, PROTO_ROOT, SERVICE_PROTOS } from './paths.ts';
import type { ProtoGrpcType as EmbedProto } from './generated/embed.ts';
import type { ProtoGrpcType as RetrieveProto } from './generated/retrieve.ts';
import type { ProtoGrpcType as RouterProto } from './generated/router.ts';
import type { ProtoGrpcType as GenerateProto } from './generated/generate.ts';
import type { ProtoGrpcType as SessionProto } from './generated/session.ts';
import type { ProtoGrpcType as FeedbackProto } from './generated/feedback.ts';
import type { ProtoGrpcType as RecommendProto } from './generated/recommend.ts';

export { PROTO_ROOT, SERVICE_PROTOS, LOADER_OPTIONS } from './paths.ts';

function load<T>(file: string): T {
  const definition = protoLoader.loadSync(file, { ...LOADER_OPTIONS, includeDirs: [PROTO_ROOT] });
  return grpc.loadPackageDefinition(definition) as unknown as T;
}

let cache: Partial<{
  embed: EmbedProto;
  retrieve: RetrieveProto;
  router: RouterProto;
  generate: GenerateProto;
  session: SessionProto;
  feedback: FeedbackProto;
  recommend: RecommendProto;
}> = {};

/** The fleet's service definitions, each loaded once per process from the .proto contracts. */
export const protos = {
  embed: () => (cache.embed ??= load<EmbedProto>(SERVICE_PROTOS.embed)).ragfleet.embed.v1,
  retrieve: () => (cache.retrieve ??= load<RetrieveProto>(SERVICE_PROTOS.retrieve)).ragfleet.retrieve.v1,
  router: () => (cache.router ??= load<RouterProto>(SERVICE_PROTOS.router)).ragfleet.router.v1,
  generate: () => (cache.generate ??= load<GenerateProto>(SERVICE_PROTOS.generate)).ragfleet.generate.v1,
  session: () => (cache.session ??= load<SessionProto>(SERVICE_PROTOS.session)).ragfleet.session.v1,
  feedback: () => (cache.feedback ??= load<FeedbackProto>(SERVICE_PROTOS.feedback)).ragfleet.feedback.v1,
  recommend: () => (cache.recommend ??= load<RecommendProto>(SERVICE_PROTOS.recommend)).ragfleet.recommend.v1,
};

/** For tests that need to prove loading is repeatable. */
export function clearProtoCache(): void {
  cache = {};
}

export type * as EmbedV1 from './generated/types/embed.ts';
export type * as RetrieveV1 from './generated/types/retrieve.ts';
export type * as RouterV1 from './generated/types/router.ts';
export type * as GenerateV1 from './generated/types/generate.ts';
export type * as SessionV1 from './generated/types/session.ts';
export type * as FeedbackV1 from './generated/types/feedback.ts';
export type * as RecommendV1 from './generated/types/recommend.ts';
