import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uniqueSuffix } from '@ragfleet/testing';
import { readServiceCredentials } from '../../packages/config/src/index.ts';
import {
  EmbedClient,
  GenerateClient,
  RetrieveClient,
  RouterClient,
  Transport,
  outgoingMetadata,
} from '../../packages/grpc/src/index.ts';
import type { RetrieveV1 } from '../../packages/protos/src/index.ts';
import { runWithRequestContext } from '../../packages/telemetry/src/index.ts';
import { startFleet, type Fleet } from '../../scripts/fleet-runner.ts';

/**
 * The whole fleet as separate processes against real Redis and NATS JetStream, authenticated as
 * `pnpm start` runs it (a service key made for the run): the project's own documentation goes in
 * through the gateway, a streamed answer must cite the right file, and no service port serves a
 * caller without the fleet's token.
 */
const repo = join(import.meta.dirname, '../..');
const namespace = `e2e_${uniqueSuffix()}`;
const dataDir = mkdtempSync(join(tmpdir(), 'ragfleet-e2e-'));
const logs: string[] = [];
let fleet: Fleet;
/** Clear keys whose hashes are in fixtures/api-keys.yaml: tenant e2e-a and tenant e2e-b. */
const KEY_A = 'rf_e2e_tenant_a_key_0123456789';
const KEY_B = 'rf_e2e_tenant_b_key_0123456789';

interface NdjsonEvent {
  type: string;
  citations?: Array<{ index: number; document_id: string }>;
  text?: string;
  error?: { code: string };
}

function corpus() {
  const files = ['README.md', ...readdirSync(join(repo, 'docs')).map((file) => `docs/${file}`)];
  return files.map((file) => {
    const text = readFileSync(join(repo, file), 'utf8');
    const title = /^#\s+(.+)$/m.exec(text)?.[1] ?? file;
    return { id: file, title, text };
  });
}

/** As tenant A unless the headers say otherwise. */
async function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${fleet.gatewayUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY_A}`, ...headers },
    body: JSON.stringify(body),
  });
}

beforeAll(async () => {
  fleet = await startFleet({
    freePorts: true,
    dataDir,
    readyTimeoutMs: 90_000,
    env: {
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      NATS_URL: process.env.NATS_URL ?? 'nats://127.0.0.1:4222',
      NATS_NAMESPACE: namespace,
      EMBED_CACHE_PREFIX: `ragfleet:e2e:${namespace}:`,
      EMBED_WORKERS: '1',
      GATEWAY_API_KEYS_FILE: join(import.meta.dirname, 'fixtures/api-keys.yaml'),
      GATEWAY_RATE_LIMIT_PREFIX: `ragfleet:e2e:${namespace}:rl:`,
      GATEWAY_KEYS_PREFIX: `ragfleet:e2e:${namespace}:keys:`,
      LOG_LEVEL: 'warn',
    },
    logSink: (service, line) => {
      logs.push(`${service}: ${line}`);
    },
  });
}, 120_000);

afterAll(async () => {
  await fleet?.stop();
  rmSync(dataDir, { recursive: true, force: true });
  await deleteStreams();
}, 60_000);

async function deleteStreams(): Promise<void> {
  const { connect } = await import('@nats-io/transport-node');
  const { jetstreamManager } = await import('@nats-io/jetstream');
  const connection = await connect({ servers: process.env.NATS_URL ?? 'nats://127.0.0.1:4222' });
  const manager = await jetstreamManager(connection);
  for (const name of [`RAGFLEET_INGEST_${namespace}`, `RAGFLEET_EVENTS_${namespace}`]) {
    await manager.streams.delete(name).catch(() => false);
  }
  await connection.close();
}

describe('the fleet end to end', () => {
  it('ingests the documentation through the gateway and waits for the job', async () => {
    const documents = corpus();
    const response = await post('/v1/documents?wait=true&timeout_ms=90000', { documents });
    const body = (await response.json()) as {
      job: { state: string; documents_done: number; chunks_indexed: number };
    };
    if (response.status !== 200)
      throw new Error(
        `ingest answered ${response.status}: ${JSON.stringify(body)}\n${logs.slice(-30).join('\n')}`,
      );
    expect(body.job.state).toBe('succeeded');
    expect(body.job.documents_done).toBe(documents.length);
    expect(body.job.chunks_indexed).toBeGreaterThanOrEqual(documents.length);
  }, 120_000);

  it('streams a cited NDJSON answer that cites the document the question is about', async () => {
    const response = await post(
      '/v1/rag',
      { query: 'How does a retried ingest job avoid duplicating chunks?' },
      { accept: 'application/x-ndjson' },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/x-ndjson');
    const events = (await response.text())
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line) as NdjsonEvent);
    const types = events.map((event) => event.type);
    expect(types.at(-1)).toBe('done');
    expect(types).toContain('token');
    expect(types.indexOf('citations')).toBeLessThan(types.indexOf('token'));
    const citations = events.find((event) => event.type === 'citations')?.citations ?? [];
    const answer = events
      .filter((event) => event.type === 'token')
      .map((event) => event.text)
      .join('');
    // The answer must quote a source by its marker, and cite a page that explains it: the ingest
    // guide, or the architecture page's summary of the same flow.
    const cited = [...answer.matchAll(/\[(\d+)\]/g)].map((match) => Number(match[1]));
    expect(cited.length).toBeGreaterThan(0);
    const citedDocuments = citations.filter((c) => cited.includes(c.index)).map((c) => c.document_id);
    expect(
      citedDocuments.filter((id) => ['docs/ingest.md', 'docs/architecture.md'].includes(id)),
    ).not.toEqual([]);
  }, 60_000);

  it('keeps one tenant from searching, reading or deleting another tenant documents', async () => {
    const own = await post('/v1/search', { query: 'JetStream work queue', k: 3 });
    expect(((await own.json()) as { hits: unknown[] }).hits.length).toBeGreaterThan(0);
    const asB = { authorization: `Bearer ${KEY_B}` };
    const other = await post('/v1/search', { query: 'JetStream work queue', k: 3 }, asB);
    expect(other.status).toBe(200);
    expect(((await other.json()) as { hits: unknown[] }).hits).toEqual([]);
    const document = `${fleet.gatewayUrl}/v1/documents/${encodeURIComponent('docs/ingest.md')}`;
    expect((await fetch(document, { headers: asB })).status).toBe(404);
    expect((await fetch(document, { method: 'DELETE', headers: asB })).status).toBe(404);
    expect((await fetch(document, { headers: { authorization: `Bearer ${KEY_A}` } })).status).toBe(200);
    // The tenant header no longer picks the tenant once auth is on.
    const smuggled = await post(
      '/v1/search',
      { query: 'JetStream work queue' },
      { ...asB, 'x-tenant-id': 'e2e-a' },
    );
    expect(smuggled.status).toBe(403);
  }, 30_000);

  it('refuses callers without a valid key', async () => {
    const anonymous = await fetch(`${fleet.gatewayUrl}/v1/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'JetStream' }),
    });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toContain('Bearer');
    const wrong = await post('/v1/search', { query: 'JetStream' }, { authorization: 'Bearer rf_wrong' });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('x-ratelimit-limit')).toBeNull();
    const allowed = await post('/v1/search', { query: 'JetStream' });
    // The window closest to running out speaks: here the daily 1000 per user, below 3000 per minute.
    expect(allowed.headers.get('x-ratelimit-limit')).toBe('1000');
    expect(Number(allowed.headers.get('x-ratelimit-remaining'))).toBeLessThan(1000);
    expect(Number(allowed.headers.get('x-ratelimit-reset'))).toBeGreaterThan(0);
  });

  it('refuses a direct gRPC call to any service port without a service token', async () => {
    const address = (service: 'embed' | 'retrieve' | 'router' | 'generate') =>
      `127.0.0.1:${fleet.ports[service].grpc}`;
    const embed = new EmbedClient(address('embed'));
    const retrieve = new RetrieveClient(address('retrieve'));
    const router = new RouterClient(address('router'));
    const generate = new GenerateClient(address('generate'));
    try {
      const unauthenticated = { code: 'UNAUTHENTICATED' };
      await expect(embed.listModels()).rejects.toMatchObject(unauthenticated);
      await expect(retrieve.search({ query: 'JetStream work queue', k: 3 })).rejects.toMatchObject(
        unauthenticated,
      );
      await expect(router.listModels()).rejects.toMatchObject(unauthenticated);
      await expect(generate.answer({ query: 'What is ragfleet?' }).next()).rejects.toMatchObject(
        unauthenticated,
      );
    } finally {
      for (const client of [embed, retrieve, router, generate]) client.close();
    }
  });

  it('believes the tenant in a token signed with the fleet key, not the one in x-tenant-id', async () => {
    const { keys } = readServiceCredentials('e2e', fleet.serviceAuthEnv);
    expect(keys.length).toBeGreaterThan(0);
    const retrieve = new RetrieveClient(`127.0.0.1:${fleet.ports.retrieve.grpc}`, {
      transport: Transport.create({ service: 'e2e', keys }),
    });
    try {
      const asTenant = (tenant: string) =>
        runWithRequestContext({ requestId: `e2e-${tenant}`, tenant }, () =>
          retrieve.search({ query: 'JetStream work queue', k: 3 }),
        );
      expect((await asTenant('e2e-a')).hits.length).toBeGreaterThan(0);
      // Tenant B's token with tenant A's header: still tenant B, who has no documents.
      const authorization = runWithRequestContext({ requestId: 'e2e-smuggle', tenant: 'e2e-b' }, () =>
        Transport.create({ service: 'e2e', keys }).authorization('retrieve'),
      );
      const metadata = outgoingMetadata(authorization);
      metadata.set('x-tenant-id', 'e2e-a');
      const smuggled = await new Promise<RetrieveV1.SearchResponse__Output | undefined>((resolve, reject) =>
        retrieve.grpc.raw.Search(
          { query: 'JetStream work queue', k: 3 },
          metadata,
          { deadline: Date.now() + 10_000 },
          (error, response) => (error ? reject(error) : resolve(response)),
        ),
      );
      expect(smuggled?.hits).toEqual([]);
    } finally {
      retrieve.close();
    }
  });

  it('answers bad input with a stable 4xx code', async () => {
    const response = await post('/v1/rag', { query: 42 });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; request_id: string } };
    expect(body.error.code).toBe('INVALID_ARGUMENT');
    expect(body.error.request_id).toBeTruthy();
  });
});
