import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ExperimentClient,
  FeedbackClient,
  GenerateClient,
  PromptClient,
  RecommendClient,
  RetrieveClient,
  RolloutClient,
  SessionClient,
  SubjectClient,
  WeightsClient,
} from '@ragfleet/grpc';
import { createLogger, createMetricsRegistry } from '@ragfleet/telemetry';
import { Admission } from '../../src/admission/admission.ts';
import { createApp } from '../../src/app.ts';
import { hashApiKey } from '../../src/auth/api-keys.ts';
import { Authenticator } from '../../src/auth/authenticator.ts';
import { JwtVerifier } from '../../src/auth/jwt-verifier.ts';
import { KeyDirectory } from '../../src/auth/key-directory.ts';
import type { ApiKeyRecord } from '../../src/auth/key-record.ts';
import { MemoryKeyStore } from '../../src/auth/memory-key-store.ts';
import { PromptGuard } from '../../src/guard/prompt-guard.ts';
import { attachWebSocket } from '../../src/ws/ws-gateway.ts';
import { FakeUpstreams } from './fake-upstreams.ts';

export const ADMIN_TOKEN = 'admin-token-for-session-tests-0123456789';
export const JWT_SECRET = 'jwt-secret-for-session-tests-0123456789-abc';

/** Callers by API key: two users of one tenant, one of another, and a key without the chat scope. */
export const KEYS = {
  alice: 'rf_alice_of_tenant_a',
  bob: 'rf_bob_of_tenant_a',
  carol: 'rf_carol_of_tenant_b',
  ragOnly: 'rf_rag_only_of_tenant_a',
  chatOnly: 'rf_chat_only_of_tenant_a',
  /** May read recommendations (and open a socket for them), nothing else. */
  recoReader: 'rf_reco_reader_of_tenant_a',
};

function fileKey(id: string, key: string, fields: Partial<ApiKeyRecord>): ApiKeyRecord {
  return {
    id,
    hash: hashApiKey(key),
    tenant: 'tenant-a',
    user: id,
    tier: 'premium',
    scopes: ['*'],
    ...fields,
  };
}

export interface KeyedGateway {
  url: string;
  wsUrl: string;
  upstreams: FakeUpstreams;
  /** Where the fakes (retrieve, generate, the scripted SessionService) listen. */
  upstreamAddress: string;
  stop(): Promise<void>;
}

/**
 * The gateway with API keys, JWTs and the admin token, HTTP and WebSocket on one server; retrieve
 * and generate are fakes, sessions go to `sessionAddress` (the real service) or, without it, to
 * the fakes' scripted SessionService.
 */
export async function startKeyedGateway(
  sessionAddress?: string,
  options: { recommendAddress?: string; changesAddress?: string } = {},
): Promise<KeyedGateway> {
  const upstreams = new FakeUpstreams();
  const address = await upstreams.start();
  const retrieve = new RetrieveClient(address);
  const generate = new GenerateClient(address);
  const sessions = new SessionClient(sessionAddress ?? address);
  // The scorer and the feedback service, when the test runs fakes of them (one port for all four).
  const recommendAddress = options.recommendAddress;
  const recommendations = recommendAddress
    ? {
        recommend: new RecommendClient(recommendAddress),
        subjects: new SubjectClient(recommendAddress),
        feedback: new FeedbackClient(recommendAddress),
        weights: new WeightsClient(recommendAddress),
      }
    : undefined;
  // Generate's prompts, experiments and rollouts, when the test runs a fake of them (one port).
  const changesAddress = options.changesAddress;
  const changes = changesAddress
    ? {
        prompts: new PromptClient(changesAddress),
        experiments: new ExperimentClient(changesAddress),
        rollouts: new RolloutClient(changesAddress),
      }
    : undefined;
  const logger = createLogger('gateway', 'silent');
  const registry = createMetricsRegistry('gateway');
  const auth = new Authenticator({
    keys: new KeyDirectory({
      fileKeys: [
        fileKey('key-alice', KEYS.alice, { user: 'alice' }),
        fileKey('key-bob', KEYS.bob, { user: 'bob' }),
        fileKey('key-carol', KEYS.carol, { tenant: 'tenant-b', user: 'carol' }),
        fileKey('key-rag', KEYS.ragOnly, { user: 'alice', scopes: ['rag'] }),
        fileKey('key-chat', KEYS.chatOnly, { user: 'alice', scopes: ['chat'] }),
        fileKey('key-reco', KEYS.recoReader, { user: 'alice', scopes: ['recommendations:read'] }),
      ],
      store: new MemoryKeyStore(),
      cacheMs: 0,
    }),
    jwt: new JwtVerifier({
      secret: JWT_SECRET,
      issuer: 'https://issuer.test',
      audience: 'ragfleet',
      tenantClaim: 'tenant',
      tierClaim: 'tier',
      defaultTier: 'free',
      maxLifetimeSeconds: 3_600,
      allowAdmin: false,
    }),
    adminToken: ADMIN_TOKEN,
    anonymousTier: 'premium',
  });
  const admission = new Admission({ auth });
  const promptGuard = new PromptGuard({ mode: 'flag', logger, registry });
  const app = createApp({
    retrieve,
    generate,
    sessions,
    ...(recommendations ? { recommendations } : {}),
    ...(changes ? { changes } : {}),
    logger,
    registry,
    admission,
    promptGuard,
    readiness: async () => ({ ready: true, checks: {} }),
    bodyLimit: '64kb',
  });
  const server: Server = createServer(app);
  const websockets = attachWebSocket(server, {
    generate,
    sessions,
    recommend: recommendations?.recommend,
    logger,
    registry,
    promptGuard,
    admission,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/v1/ws`,
    upstreams,
    upstreamAddress: address,
    async stop() {
      websockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      retrieve.close();
      generate.close();
      sessions.close();
      for (const client of Object.values(recommendations ?? {})) client.close();
      for (const client of Object.values(changes ?? {})) client.close();
      await upstreams.stop();
    },
  };
}

/** A request as a caller (an API key, a JWT or the admin token as the bearer). */
export function callAs(
  base: string,
  credential: string | undefined,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${base}${path}`, {
    method,
    headers: {
      ...(credential ? { authorization: `Bearer ${credential}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
