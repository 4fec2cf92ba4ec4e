import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createEvent, fleetTopology, NatsEventBus } from '@ragfleet/events';
import { RouterClient } from '@ragfleet/grpc';
import { createLogger, createMetricsRegistry } from '@ragfleet/telemetry';
import { freePort, uniqueSuffix, waitFor } from '@ragfleet/testing';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { Admission } from '../src/admission/admission.ts';
import { createApp } from '../src/app.ts';
import { hashApiKey } from '../src/auth/api-keys.ts';
import { Authenticator } from '../src/auth/authenticator.ts';
import { KeyDirectory } from '../src/auth/key-directory.ts';
import type { ApiKeyRecord } from '../src/auth/key-record.ts';
import { MemoryKeyStore } from '../src/auth/memory-key-store.ts';

/**
 * GET /v1/usage end to end: generation.completed events on the local NATS (a namespace of this
 * run's own), the real router process consuming them into its embedded ledger, and the usage
 * route over real gRPC, in the gateway's app with API keys.
 */
const ROUTER_MAIN = join(import.meta.dirname, '../../router/src/main.ts');
const natsUrl = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const namespace = `usage_${uniqueSuffix()}`;
const topology = fleetTopology(namespace);
const KEYS = { adminA: 'rf_usage_admin_a', adminB: 'rf_usage_admin_b', everythingA: 'rf_usage_star_a' };

let dataDir: string;
let router: { stop(): Promise<void>; output(): string };
let client: RouterClient;
let server: Server;
let url: string;
let publisher: NatsEventBus;

function key(id: string, secret: string, fields: Partial<ApiKeyRecord>): ApiKeyRecord {
  return {
    id,
    hash: hashApiKey(secret),
    tenant: 'tenant-a',
    user: id,
    tier: 'premium',
    scopes: ['admin'],
    ...fields,
  };
}

async function startRouter(): Promise<typeof router & { address: string }> {
  const [grpcPort, opsPort] = [await freePort(), await freePort()];
  const child = spawn(process.execPath, [ROUTER_MAIN], {
    env: {
      PATH: process.env.PATH ?? '',
      LOG_LEVEL: 'info',
      GRPC_PORT: String(grpcPort),
      METRICS_PORT: String(opsPort),
      DATA_DIR: dataDir,
      NATS_URL: natsUrl,
      NATS_NAMESPACE: namespace,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await waitFor(() => output.includes('router ready') || child.exitCode !== null, 20_000);
  if (child.exitCode !== null) throw new Error(`the router exited: ${output}`);
  return {
    address: `127.0.0.1:${grpcPort}`,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

const get = async (path: string, apiKey: string) => {
  const response = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${apiKey}` } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'ragfleet-usage-'));
  publisher = await NatsEventBus.connect({
    url: natsUrl,
    streams: [topology.streams.events],
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
  });
  await publisher.ensureStreams();
  const started = await startRouter();
  router = started;
  client = new RouterClient(started.address);

  const logger = createLogger('gateway', 'silent');
  const registry = createMetricsRegistry('gateway');
  const admission = new Admission({
    auth: new Authenticator({
      keys: new KeyDirectory({
        fileKeys: [
          key('admin-a', KEYS.adminA, {}),
          key('admin-b', KEYS.adminB, { tenant: 'tenant-b' }),
          key('star-a', KEYS.everythingA, { scopes: ['*'] }),
        ],
        store: new MemoryKeyStore(),
        cacheMs: 0,
      }),
      anonymousTier: 'free',
    }),
  });
  const app = createApp({
    retrieve: {} as never,
    generate: {} as never,
    usage: client,
    admission,
    logger,
    registry,
    readiness: async () => ({ ready: true, checks: {} }),
    bodyLimit: '1kb',
  });
  server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 40_000);

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  client?.close();
  await router?.stop();
  await publisher?.close();
  const connection = await connect({ servers: natsUrl });
  await (await jetstreamManager(connection)).streams.delete(topology.streams.events.name).catch(() => false);
  await connection.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('GET /v1/usage', () => {
  it("answers the caller's tenant's spend from the events the router consumed", async () => {
    const events = [
      {
        tenant: 'tenant-a',
        user: 'alice',
        keyId: 'k-alice',
        model: 'claude-haiku-4-5',
        costUsd: 0.0125,
        cached: false,
      },
      {
        tenant: 'tenant-a',
        user: 'alice',
        keyId: 'k-alice',
        model: 'claude-haiku-4-5',
        costUsd: 0,
        cached: true,
      },
      {
        tenant: 'tenant-a',
        user: 'bob',
        keyId: 'k-bob',
        model: 'claude-sonnet-4-6',
        costUsd: 0.25,
        cached: false,
        // A session's summary; the events without a task are answers (as an older generate sends).
        task: 'summary',
      },
      {
        tenant: 'tenant-b',
        user: 'carol',
        keyId: 'k-carol',
        model: 'claude-haiku-4-5',
        costUsd: 4,
        cached: false,
      },
    ];
    for (const [i, event] of events.entries()) {
      await publisher.publish(
        topology.subjects.generationCompleted,
        createEvent({
          type: 'generate.answer.completed',
          source: 'generate',
          tenant: event.tenant,
          data: {
            ...event,
            generationId: `g-${namespace}-${i}`,
            provider: 'anthropic',
            inputTokens: 200,
            outputTokens: 50,
          },
        }),
      );
    }
    await waitFor(async () => (await get('/v1/usage', KEYS.adminA)).body.generations === 3, 15_000);

    const byModel = await get('/v1/usage', KEYS.adminA);
    expect(byModel.status).toBe(200);
    expect(byModel.body).toEqual({
      group_by: 'model',
      groups: [
        {
          key: 'anthropic/claude-sonnet-4-6',
          generations: 1,
          input_tokens: 200,
          output_tokens: 50,
          cost_usd: 0.25,
          cached: 0,
        },
        {
          key: 'anthropic/claude-haiku-4-5',
          generations: 2,
          input_tokens: 400,
          output_tokens: 100,
          cost_usd: 0.0125,
          cached: 1,
        },
      ],
      total_cost_usd: 0.2625,
      generations: 3,
    });
    const byUser = await get('/v1/usage?group_by=user', KEYS.adminA);
    expect((byUser.body.groups as Array<{ key: string }>).map((group) => group.key)).toEqual([
      'bob',
      'alice',
    ]);
    const byKey = await get('/v1/usage?group_by=key', KEYS.adminA);
    expect((byKey.body.groups as Array<{ key: string }>).map((group) => group.key)).toEqual([
      'k-bob',
      'k-alice',
    ]);
    const byTask = await get('/v1/usage?group_by=task', KEYS.adminA);
    expect(
      (byTask.body.groups as Array<{ key: string; generations: number }>).map((g) => [g.key, g.generations]),
    ).toEqual([
      ['summary', 1],
      ['answer', 2],
    ]);
    const today = new Date().toISOString().slice(0, 10);
    const byDay = await get('/v1/usage?group_by=day', KEYS.adminA);
    expect(byDay.body.groups).toEqual([expect.objectContaining({ key: today, generations: 3 })]);

    const other = await get('/v1/usage', KEYS.adminB);
    expect(other.body).toMatchObject({ total_cost_usd: 4, generations: 1 });

    // A range that ends before the events: nothing.
    const before = await get('/v1/usage?from=2020-01-01T00:00:00Z&to=2020-02-01T00:00:00Z', KEYS.adminA);
    expect(before.body).toEqual({ group_by: 'model', groups: [], total_cost_usd: 0, generations: 0 });
  }, 30_000);

  it('needs the admin scope: a key with every other scope is refused', async () => {
    const refused = await get('/v1/usage', KEYS.everythingA);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: { code: 'PERMISSION_DENIED' } });
  });

  it('refuses bad input before calling the router, naming the field', async () => {
    for (const [query, field] of [
      ['from=yesterday', 'query.from'],
      ['to=2026-12-01', 'query.to'],
      ['group_by=provider', 'query.group_by'],
      ['from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z', 'query.from'],
    ] as const) {
      const answer = await get(`/v1/usage?${query}`, KEYS.adminA);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({
        error: { code: 'INVALID_ARGUMENT', details: { fields: [expect.objectContaining({ field })] } },
      });
    }
  });
});
