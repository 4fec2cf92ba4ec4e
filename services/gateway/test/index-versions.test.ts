import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RagfleetError } from '@ragfleet/errors';
import {
  GenerateClient,
  GrpcServer,
  IndexVersionClient,
  RetrieveClient,
  type CallContext,
} from '@ragfleet/grpc';
import { protos, type RetrieveV1 } from '@ragfleet/protos';
import { createLogger, createMetricsRegistry } from '@ragfleet/telemetry';
import { Admission } from '../src/admission/admission.ts';
import { createApp } from '../src/app.ts';
import { hashApiKey } from '../src/auth/api-keys.ts';
import { Authenticator } from '../src/auth/authenticator.ts';
import { KeyDirectory } from '../src/auth/key-directory.ts';
import { MemoryKeyStore } from '../src/auth/memory-key-store.ts';

const ADMIN_TOKEN = 'admin-token-for-index-version-tests-0123456789';
const USER_KEY = 'rf_user_key_for_index_version_tests_0123456789';

const seen: Array<{ method: string; tenant: string; request: unknown }> = [];
const version = (id: number, state: string): RetrieveV1.IndexVersion => ({
  id,
  model: '',
  state,
  chunking: { strategy: 'sentences', size: 400, overlap: 40, sentences: 3, sentenceOverlap: 1 },
  createdAt: '2026-01-01T00:00:00.000Z',
  documentsDone: 3,
  documentsTotal: 7,
  chunks: 12,
  error: '',
});

/** Retrieve's index-version calls, answered from memory; each call is recorded with its tenant. */
function fakeRetrieve(): GrpcServer {
  const server = new GrpcServer({
    service: 'fake-retrieve',
    logger: createLogger('fake-retrieve', 'silent'),
    registry: createMetricsRegistry('fake-retrieve'),
  });
  const see = (method: string) => async (request: unknown, context: CallContext) => {
    seen.push({ method, tenant: context.tenant, request });
    if (method === 'GetIndexVersion' && (request as { id: number }).id !== 2) {
      throw new RagfleetError('NOT_FOUND', 'index version not found');
    }
    if (method === 'ListIndexVersions') return { versions: [version(1, 'active')], active: 1, previous: 0 };
    if (method === 'ActivateIndexVersion') {
      const { queries } = request as { queries: Array<{ query: string }> };
      // The gate's refusal, as retrieve answers it: no error, activated false, both scores.
      if (queries[0]?.query === 'worse') {
        return {
          version: version(2, 'ready'),
          activated: false,
          forced: false,
          candidateNdcg10: 0.31,
          activeNdcg10: 0.5,
        };
      }
      return {
        version: version(2, 'active'),
        activated: true,
        forced: false,
        candidateNdcg10: 0.5,
        activeNdcg10: 0.4,
      };
    }
    return { version: version(2, 'building') };
  };
  server.addService(
    'ragfleet.retrieve.v1.IndexVersionService',
    protos.retrieve().IndexVersionService.service,
    {
      BuildIndexVersion: see('BuildIndexVersion'),
      GetIndexVersion: see('GetIndexVersion'),
      ListIndexVersions: see('ListIndexVersions'),
      ActivateIndexVersion: see('ActivateIndexVersion'),
      RollbackIndexVersion: see('RollbackIndexVersion'),
    },
  );
  return server;
}

let url: string;
let http: Server;
let upstream: GrpcServer;
let clients: { retrieve: RetrieveClient; generate: GenerateClient; indexVersions: IndexVersionClient };

beforeAll(async () => {
  upstream = fakeRetrieve();
  const address = `127.0.0.1:${await upstream.listen(0, '127.0.0.1')}`;
  clients = {
    retrieve: new RetrieveClient(address),
    generate: new GenerateClient(address),
    indexVersions: new IndexVersionClient(address),
  };
  const auth = new Authenticator({
    keys: new KeyDirectory({
      fileKeys: [
        { id: 'user', hash: hashApiKey(USER_KEY), tenant: 'acme', user: 'u', tier: 'premium', scopes: ['*'] },
      ],
      store: new MemoryKeyStore(),
      cacheMs: 0,
    }),
    adminToken: ADMIN_TOKEN,
    anonymousTier: 'premium',
  });
  // The whole app, behind the real authenticator.
  const app = createApp({
    ...clients,
    logger: createLogger('gateway', 'silent'),
    registry: createMetricsRegistry('gateway'),
    readiness: async () => ({ ready: true, checks: {} }),
    bodyLimit: '64kb',
    admission: new Admission({ auth }),
  });
  http = createServer(app);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});

afterAll(async () => {
  http.closeAllConnections();
  await new Promise<void>((resolve) => http.close(() => resolve()));
  clients.retrieve.close();
  clients.generate.close();
  clients.indexVersions.close();
  await upstream.close();
});

const call = (method: string, path: string, body?: unknown, credential = ADMIN_TOKEN) =>
  fetch(`${url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${credential}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

describe('index version routes', () => {
  it('are for the admin only', async () => {
    expect((await fetch(`${url}/v1/index/versions`)).status).toBe(401);
    expect((await call('GET', '/v1/index/versions', undefined, USER_KEY)).status).toBe(403);
    expect((await call('POST', '/v1/index/versions', {}, USER_KEY)).status).toBe(403);
    expect((await call('POST', '/v1/index/versions/rollback', undefined, USER_KEY)).status).toBe(403);
    expect((await call('POST', '/v1/index/versions/2/activate', {}, USER_KEY)).status).toBe(403);
    expect(seen).toHaveLength(0);
  });

  it('start a build and read its progress in snake_case', async () => {
    const started = await call('POST', '/v1/index/versions', {
      model: 'nomic',
      chunking: { strategy: 'sentences', sentences: 3, sentence_overlap: 1 },
    });
    expect(started.status).toBe(202);
    expect(started.headers.get('location')).toBe('/v1/index/versions/2');
    expect(seen.at(-1)).toMatchObject({
      method: 'BuildIndexVersion',
      request: {
        model: 'nomic',
        chunking: { strategy: 'sentences', sentences: 3, sentenceOverlap: 1, size: 0 },
      },
    });
    const progress = await call('GET', '/v1/index/versions/2');
    expect(await progress.json()).toEqual({
      version: {
        id: 2,
        model: '',
        state: 'building',
        chunking: { strategy: 'sentences', size: 400, overlap: 40, sentences: 3, sentence_overlap: 1 },
        created_at: '2026-01-01T00:00:00.000Z',
        documents_done: 3,
        documents_total: 7,
        chunks: 12,
        error: '',
      },
    });
    expect((await call('GET', '/v1/index/versions/3')).status).toBe(404);
    const listed = (await (await call('GET', '/v1/index/versions')).json()) as Record<string, unknown>;
    expect(listed).toMatchObject({ active: 1, previous: null });
  });

  it('activate through the gate on the named tenant, and roll back', async () => {
    const response = await call('POST', '/v1/index/versions/2/activate', {
      tenant: 'acme',
      queries: [{ query: 'owls', relevant: { birds: 2 } }],
    });
    expect(await response.json()).toMatchObject({
      activated: true,
      candidate_ndcg10: 0.5,
      active_ndcg10: 0.4,
    });
    expect(seen.at(-1)).toMatchObject({
      method: 'ActivateIndexVersion',
      tenant: 'acme',
      request: {
        id: 2,
        force: false,
        queries: [{ query: 'owls', relevant: [{ documentId: 'birds', grade: 2 }] }],
      },
    });
    expect((await call('POST', '/v1/index/versions/rollback')).status).toBe(200);
    expect(seen.at(-1)?.method).toBe('RollbackIndexVersion');
  });

  it('answer a refused activation with 409 FAILED_PRECONDITION and both scores', async () => {
    const response = await call('POST', '/v1/index/versions/2/activate', {
      tenant: 'acme',
      queries: [{ query: 'worse', relevant: { birds: 2 } }],
    });
    expect(response.status).toBe(409);
    const { error } = (await response.json()) as { error: Record<string, unknown> };
    expect(error).toMatchObject({
      code: 'FAILED_PRECONDITION',
      details: { version: 2, candidate_ndcg10: 0.31, active_ndcg10: 0.5 },
    });
    expect(error.message).toContain('nDCG@10 0.310');
    expect(error.message).toContain('0.500');
  });

  it('reject bad input before calling retrieve', async () => {
    const before = seen.length;
    expect((await call('GET', '/v1/index/versions/abc')).status).toBe(400);
    expect((await call('POST', '/v1/index/versions', { chunking: { strategy: 'words' } })).status).toBe(400);
    expect((await call('POST', '/v1/index/versions', { extra: 1 })).status).toBe(400);
    expect((await call('POST', '/v1/index/versions/2/activate', { queries: [{ query: '' }] })).status).toBe(
      400,
    );
    expect((await call('DELETE', '/v1/index/versions/2')).status).toBe(405);
    expect(seen.length).toBe(before);
  });
});
