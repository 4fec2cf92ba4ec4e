import type { GenerateClient, IndexVersionClient, RetrieveClient, SessionClient } from '@ragfleet/grpc';

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
