import { join } from 'node:path';

/** Folder holding `ragfleet/<svc>/v1/*.proto`, the fleet's public contracts. */
export const PROTO_ROOT = join(import.meta.dirname, '../../../protos');

export const SERVICE_PROTOS = {
  embed: 'ragfleet/embed/v1/embed.proto',
  retrieve: 'ragfleet/retrieve/v1/retrieve.proto',
  router: 'ragfleet/router/v1/router.proto',
  generate: 'ragfleet/generate/v1/generate.proto',
  session: 'ragfleet/session/v1/session.proto',
  feedback: 'ragfleet/feedback/v1/feedback.proto',
  recommend: 'ragfleet/recommend/v1/recommend.proto',
} as const;

/**
 * One set of loader options for runtime and type generation: camelCase fields, enums as their
 * names, 64-bit integers as strings, defaults filled in, and `event` naming the set oneof field.
 */
export const LOADER_OPTIONS = {
  keepCase: false,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
} as const;
