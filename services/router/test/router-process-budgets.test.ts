import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { connectEventBus, createEvent, fleetTopology } from '@ragfleet/events';
import { RouterClient } from '@ragfleet/grpc';
import { runWithRequestContext } from '@ragfleet/telemetry';
import { freePort, uniqueSuffix, waitFor } from '@ragfleet/testing';
import { deleteStreams, natsUrl, silentLogger } from './ledger-support.ts';

/*
 * The router process as deployed (node src/main.ts) with REDIS_URL and NATS_URL: budgets in the
 * local Redis under this run's own prefix, events on the local NATS in a namespace of its own.
 * Checks the composition: the budget RPCs are served, the remaining-budget and breaker gauges
 * are exported, and a breaker report from "generate" changes the route.
 */

const MAIN = new URL('../src/main.ts', import.meta.url).pathname;
const suffix = uniqueSuffix();
const namespace = `routerproc_${suffix}`;
const prefix = `ragfleet-test:router-process:${suffix}:`;
const dataDir = mkdtempSync(join(tmpdir(), 'ragfleet-router-budgets-'));
const topology = fleetTopology(namespace);
let child: ReturnType<typeof spawn> | undefined;

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  const redis = new Redis('redis://127.0.0.1:6379');
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
  await deleteStreams([topology.streams.events.name]);
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the router process with Redis and NATS', () => {
  it('serves budgets, exports their gauges and routes around an open breaker', async () => {
    const grpcPort = await freePort();
    const metricsPort = await freePort();
    child = spawn(process.execPath, [MAIN], {
      env: {
        PATH: process.env.PATH ?? '',
        LOG_LEVEL: 'info',
        GRPC_PORT: String(grpcPort),
        METRICS_PORT: String(metricsPort),
        ENABLED_PROVIDERS: 'extractive,ollama,anthropic',
        DATA_DIR: dataDir,
        REDIS_URL: 'redis://127.0.0.1:6379',
        BUDGET_KEY_PREFIX: prefix,
        NATS_URL: natsUrl,
        NATS_NAMESPACE: namespace,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitFor(() => output.includes('router ready'), 15_000);
    expect(output).toContain('budgets in Redis, shared by every router replica');

    const client = new RouterClient(`127.0.0.1:${grpcPort}`);
    const metrics = async () => (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
    try {
      const tenant = `proc-${suffix}`;
      await client.setBudget({ scope: { tenant, kind: 'tenant', id: '' }, period: 'day', limitUsd: 2 });
      const reserved = await runWithRequestContext({ requestId: 'proc-1', tenant }, () =>
        client.reserve({
          generationId: `proc-${suffix}`,
          provider: 'anthropic',
          model: 'claude-haiku-4-5',
          promptTokens: 0,
          maxOutputTokens: 100_000,
        }),
      );
      expect(reserved.reservedUsd).toBe(0.5);
      expect(await metrics()).toMatch(
        new RegExp(`ragfleet_router_budget_remaining_usd\\{tenant="${tenant}",period="day"[^}]*\\} 1\\.5`),
      );

      const ask = () =>
        client.route({
          query: 'Prove it, and derive why k = 60 works.',
          tier: 'premium',
          conversationDepth: 2,
        });
      expect((await ask()).chain[0]?.provider).toBe('anthropic');
      const generate = await connectEventBus({
        natsUrl,
        streams: [topology.streams.events],
        logger: silentLogger,
      });
      try {
        await generate.publish(
          topology.subjects.providerHealth,
          createEvent({
            type: 'provider.health',
            source: 'generate',
            tenant: '',
            data: { provider: 'anthropic', state: 'open', replica: 'gen-1', at: new Date().toISOString() },
          }),
        );
      } finally {
        await generate.close();
      }
      await waitFor(
        async () =>
          /ragfleet_router_provider_breaker_open\{provider="anthropic"[^}]*\} 1/.test(await metrics()),
        5_000,
      );
      const around = await ask();
      expect(around.chain.map((model) => model.provider)).not.toContain('anthropic');
    } finally {
      client.close();
    }
  }, 30_000);
});
