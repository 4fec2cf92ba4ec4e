import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GrpcServer, RouterClient } from '@ragfleet/grpc';
import { protos } from '@ragfleet/protos';
import { createLogger, createMetricsRegistry, runWithRequestContext } from '@ragfleet/telemetry';
import { FileLedger } from '../src/ledger/file-ledger.ts';
import { getUsageHandler } from '../src/ledger/get-usage-handler.ts';
import { entry } from './ledger.contract.ts';

let dir: string;
let ledger: FileLedger;
let server: GrpcServer;
let client: RouterClient;

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const as = <T>(tenant: string, call: () => Promise<T>) =>
  runWithRequestContext({ requestId: `usage-${tenant}`, tenant }, call);

const notServed = async () => {
  throw new Error('not served in this test');
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ragfleet-ledger-grpc-'));
  ledger = new FileLedger(join(dir, 'router'));
  await ledger.open();
  server = new GrpcServer({
    service: 'router',
    logger: createLogger('router', 'silent'),
    registry: createMetricsRegistry('router'),
  });
  // Only GetUsage is served here (routing is the other tests' subject): the rest refuse.
  const service = protos.router().RouterService.service;
  const others = Object.fromEntries(Object.keys(service).map((method) => [method, notServed]));
  server.addService('ragfleet.router.v1.RouterService', service, {
    ...others,
    GetUsage: getUsageHandler(ledger),
  });
  const port = await server.listen(0, '127.0.0.1');
  client = new RouterClient(`127.0.0.1:${port}`);

  await ledger.append(entry({ tenant: 'acme', user: 'alice', keyId: 'k1', costUsd: 0.125, at: daysAgo(1) }));
  await ledger.append(entry({ tenant: 'acme', user: 'bob', keyId: 'k2', costUsd: 0.5, at: daysAgo(2) }));
  await ledger.append(
    entry({ tenant: 'acme', user: 'bob', keyId: 'k2', costUsd: 0, cached: true, at: daysAgo(2) }),
  );
  // Older than the default 30 days.
  await ledger.append(entry({ tenant: 'acme', user: 'alice', costUsd: 9, at: daysAgo(40) }));
  await ledger.append(entry({ tenant: 'globex', user: 'eve', costUsd: 3, at: daysAgo(1) }));
});

afterAll(async () => {
  client.close();
  await server.close();
  await ledger.close();
  await rm(dir, { recursive: true, force: true });
});

describe('RouterService.GetUsage over gRPC', () => {
  it("answers the caller's tenant over the last 30 days, by model unless told", async () => {
    const usage = await as('acme', () => client.getUsage({}));
    expect(usage.totalCostUsd).toBeCloseTo(0.625, 9);
    expect(usage.generations).toBe('3');
    expect(usage.groups).toEqual([
      {
        key: 'anthropic/claude-haiku-4-5',
        generations: '3',
        inputTokens: '300',
        outputTokens: '60',
        costUsd: 0.625,
        cached: '1',
      },
    ]);
    const globex = await as('globex', () => client.getUsage({ groupBy: 'user' }));
    expect(globex.groups.map((group) => [group.key, group.costUsd])).toEqual([['eve', 3]]);
  });

  it('groups by user, key and day within an explicit range', async () => {
    const from = daysAgo(60);
    const to = new Date().toISOString();
    const users = await as('acme', () => client.getUsage({ from, to, groupBy: 'user' }));
    expect(users.groups.map((group) => [group.key, group.generations, group.costUsd])).toEqual([
      ['alice', '2', 9.125],
      ['bob', '2', 0.5],
    ]);
    const keys = await as('acme', () => client.getUsage({ groupBy: 'key' }));
    expect(keys.groups.map((group) => group.key)).toEqual(['k2', 'k1']);
    const days = await as('acme', () => client.getUsage({ from, to, groupBy: 'day' }));
    expect(days.groups.map((group) => group.key)).toEqual(
      [daysAgo(40), daysAgo(2), daysAgo(1)].map((at) => at.slice(0, 10)),
    );
    expect(Number(days.generations)).toBe(4);
  });

  it('refuses a time that is not RFC 3339, naming every bad field', async () => {
    await expect(
      as('acme', () => client.getUsage({ from: 'yesterday', to: '2026-13-01', groupBy: 'model' })),
    ).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      details: {
        fields: [expect.objectContaining({ field: 'from' }), expect.objectContaining({ field: 'to' })],
      },
    });
  });

  it('refuses an unknown group_by and a range that ends before it starts', async () => {
    await expect(as('acme', () => client.getUsage({ groupBy: 'provider' }))).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      details: { fields: [expect.objectContaining({ field: 'group_by' })] },
    });
    await expect(
      as('acme', () => client.getUsage({ from: '2026-11-02T00:00:00Z', to: '2026-11-01T00:00:00Z' })),
    ).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      details: { fields: [expect.objectContaining({ field: 'from' })] },
    });
  });
});
