import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RouterClient, Transport, type CallerContext } from '@ragfleet/grpc';
import { createLogger, createMetricsRegistry, runWithRequestContext } from '@ragfleet/telemetry';
import { freePort, waitFor } from '@ragfleet/testing';
import { Admission } from '../src/admission/admission.ts';
import { createApp } from '../src/app.ts';
import { hashApiKey } from '../src/auth/api-keys.ts';
import { Authenticator } from '../src/auth/authenticator.ts';
import { applyKeyFileBudgets, keyFileBudgets } from '../src/auth/key-file-budgets.ts';
import { parseKeyFile } from '../src/auth/key-file.ts';
import { KeyDirectory } from '../src/auth/key-directory.ts';
import { MemoryKeyStore } from '../src/auth/memory-key-store.ts';

/**
 * Budgets end to end with the real router process (budgets in its memory store), every call
 * signed with the fleet key: the key file's budget set at start, the admin routes over it, and a
 * Reserve made for an API key caller charged to that key's budget (the key id travels in the
 * service token, never in the request).
 */
const ROUTER_MAIN = join(import.meta.dirname, '../../router/src/main.ts');
const fleetKey = randomBytes(32).toString('base64');
const ADMIN_TOKEN = 'admin-token-for-budget-router-tests-0123456789';
const keyFile = parseKeyFile(
  JSON.stringify({
    keys: [
      {
        id: 'ci',
        hash: hashApiKey('rf_budget_router_ci'),
        tenant: 'acme',
        tier: 'standard',
        budget: { day_usd: 0.01 },
      },
    ],
  }),
  'keys.json',
);

let dataDir: string;
let router: { address: string; stop(): Promise<void>; output(): string };
let gatewayRouter: RouterClient;
let server: Server;
let url: string;

async function startRouter(): Promise<typeof router> {
  const [grpcPort, opsPort] = [await freePort(), await freePort()];
  const child = spawn(process.execPath, [ROUTER_MAIN], {
    env: {
      PATH: process.env.PATH ?? '',
      LOG_LEVEL: 'info',
      GRPC_PORT: String(grpcPort),
      METRICS_PORT: String(opsPort),
      DATA_DIR: dataDir,
      SERVICE_AUTH_KEY: fleetKey,
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

const transport = (service: string) => Transport.create({ service, keys: [Buffer.from(fleetKey)] });

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'ragfleet-budgets-'));
  router = await startRouter();
  gatewayRouter = new RouterClient(router.address, { transport: transport('gateway') });
  const app = createApp({
    retrieve: {} as never,
    generate: {} as never,
    budgets: gatewayRouter,
    admission: new Admission({
      auth: new Authenticator({
        keys: new KeyDirectory({ fileKeys: keyFile, store: new MemoryKeyStore(), cacheMs: 0 }),
        adminToken: ADMIN_TOKEN,
        anonymousTier: 'free',
      }),
    }),
    logger: createLogger('gateway', 'silent'),
    registry: createMetricsRegistry('gateway'),
    readiness: async () => ({ ready: true, checks: {} }),
    bodyLimit: '4kb',
  });
  server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 30_000);

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  gatewayRouter?.close();
  await router?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const admin = (method: string, path: string, body?: unknown) =>
  fetch(`${url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${ADMIN_TOKEN}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

interface BudgetJson {
  scope: string;
  id: string | null;
  period: string;
  limit_usd: number;
  spent_usd: number;
  reserved_usd: number;
  remaining_usd: number;
  reset_at: string;
}

describe('budgets with the real router', () => {
  it("sets the key file's budget at start and lists it through the admin route", async () => {
    const set = await applyKeyFileBudgets(keyFileBudgets(keyFile), {
      router: gatewayRouter,
      logger: createLogger('gateway', 'silent'),
      signal: new AbortController().signal,
    });
    expect(set).toBe(1);
    const listed = (await (await admin('GET', '/v1/admin/budgets?tenant=acme')).json()) as {
      budgets: BudgetJson[];
    };
    expect(listed.budgets).toEqual([
      expect.objectContaining({ scope: 'key', id: 'ci', period: 'day', limit_usd: 0.01, spent_usd: 0 }),
    ]);
    expect(Date.parse(listed.budgets[0]?.reset_at ?? '')).toBeGreaterThan(Date.now());
  });

  it("charges a Reserve made for the key's caller to the key's budget, then refuses with its reset time", async () => {
    // generate's call, made while serving a request the gateway admitted with the API key.
    const generate = new RouterClient(router.address, { transport: transport('generate') });
    try {
      const reserve = (generationId: string) => {
        const caller: CallerContext = { requestId: generationId, tenant: 'acme', user: 'ci', keyId: 'ci' };
        return runWithRequestContext(caller, () =>
          generate.reserve({
            generationId,
            provider: 'anthropic',
            model: 'claude-haiku-4-5',
            promptTokens: 1_000,
            maxOutputTokens: 1_000,
          }),
        );
      };
      const first = await reserve('gen-1');
      expect(first.reservedUsd).toBeCloseTo(0.006, 6);
      await expect(reserve('gen-2')).rejects.toMatchObject({
        code: 'BUDGET_EXCEEDED',
        details: {
          scope: expect.objectContaining({ kind: 'key', id: 'ci' }),
          period: 'day',
          limit_usd: 0.01,
          reset_at: expect.any(String),
        },
      });
      const listed = (await (await admin('GET', '/v1/admin/budgets?tenant=acme')).json()) as {
        budgets: BudgetJson[];
      };
      expect(listed.budgets[0]).toMatchObject({ id: 'ci', reserved_usd: 0.006 });
    } finally {
      generate.close();
    }
  });

  it('sets, replaces and deletes a tenant budget through the admin routes', async () => {
    const created = await admin('POST', '/v1/admin/budgets', {
      tenant: 'acme',
      period: 'month',
      limit_usd: 50,
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ scope: 'tenant', id: null, period: 'month', limit_usd: 50 });
    const replaced = await admin('POST', '/v1/admin/budgets', {
      tenant: 'acme',
      period: 'month',
      limit_usd: 60,
    });
    expect(await replaced.json()).toMatchObject({ limit_usd: 60 });
    expect((await admin('DELETE', '/v1/admin/budgets?tenant=acme&period=month')).status).toBe(204);
    expect((await admin('DELETE', '/v1/admin/budgets?tenant=acme&period=month')).status).toBe(404);
    const listed = (await (await admin('GET', '/v1/admin/budgets?tenant=acme')).json()) as {
      budgets: BudgetJson[];
    };
    expect(listed.budgets.map((budget) => budget.scope)).toEqual(['key']);
  });
});
