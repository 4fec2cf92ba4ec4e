import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { RouterClient, Transport } from '@ragfleet/grpc';
import { runWithRequestContext } from '@ragfleet/telemetry';
import { freePort, waitFor } from '@ragfleet/testing';

/**
 * The router as `pnpm start` runs it (node src/main.ts), to check what every service gets from
 * hostService: loopback by default, a refusal to listen elsewhere without a key, and a key that
 * is then required of every caller.
 */
const MAIN = new URL('../src/main.ts', import.meta.url).pathname;
const secrets = mkdtempSync(join(tmpdir(), 'ragfleet-router-key-'));
const running: Array<{ kill(signal: NodeJS.Signals): boolean; exitCode: number | null }> = [];

afterAll(() => {
  for (const child of running) if (child.exitCode === null) child.kill('SIGTERM');
  rmSync(secrets, { recursive: true, force: true });
});

function start(env: Record<string, string>) {
  const child = spawn(process.execPath, [MAIN], {
    // Nothing inherited that could change the mode: no key, no host from the developer's shell.
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function ports(): Promise<{ GRPC_PORT: string; METRICS_PORT: string }> {
  return { GRPC_PORT: String(await freePort()), METRICS_PORT: String(await freePort()) };
}

describe('a service process and its listen address', () => {
  it('refuses to listen beyond loopback without a service key, naming the variables (exit 78)', async () => {
    const router = start({ ...(await ports()), GRPC_HOST: '0.0.0.0' });
    expect(await router.exited).toBe(78);
    expect(router.output()).toContain('GRPC_HOST: 0.0.0.0 is reachable from other machines');
    expect(router.output()).toContain('SERVICE_AUTH_KEY_FILE or SERVICE_AUTH_KEY');
  }, 20_000);

  it('stops on a bad weights file, naming the variable and the problem (exit 78)', async () => {
    const weights = join(secrets, 'weights.json');
    writeFileSync(weights, JSON.stringify({ weights: {} }));
    const router = start({ ...(await ports()), ROUTER_WEIGHTS_FILE: weights });
    expect(await router.exited).toBe(78);
    expect(router.output()).toContain(`ROUTER_WEIGHTS_FILE: ${weights}: weights.tokens:`);
  }, 20_000);

  it('reloads a changed catalog, refuses a malformed one and counts both', async () => {
    const catalogPath = join(secrets, 'catalog.json');
    const shipped = readFileSync(new URL('../catalog.json', import.meta.url), 'utf8');
    writeFileSync(catalogPath, shipped);
    const env = await ports();
    const router = start({
      ...env,
      CATALOG_PATH: catalogPath,
      CATALOG_POLL_MS: '200',
      ENABLED_PROVIDERS: 'extractive,ollama,anthropic',
    });
    await waitFor(() => router.output().includes('router ready'), 15_000);
    const client = new RouterClient(`127.0.0.1:${env.GRPC_PORT}`);
    const metric = async (outcome: string) => {
      const text = await (await fetch(`http://127.0.0.1:${env.METRICS_PORT}/metrics`)).text();
      const line = text
        .split('\n')
        .find(
          (entry) =>
            entry.startsWith('ragfleet_router_catalog_reloads_total') &&
            entry.includes(`outcome="${outcome}"`),
        );
      return Number(line?.split(' ').at(-1) ?? 0);
    };
    try {
      const models = (JSON.parse(shipped) as { models: unknown[] }).models;
      writeFileSync(catalogPath, JSON.stringify({ models: models.slice(0, 2) }));
      await waitFor(async () => (await client.listModels()).models.length === 2, 10_000);
      writeFileSync(catalogPath, '{"models": [');
      await waitFor(async () => (await metric('rejected')) >= 1, 10_000);
      expect((await client.listModels()).models).toHaveLength(2);
      expect(await metric('loaded')).toBeGreaterThanOrEqual(1);
      const refusals = router
        .output()
        .split('\n')
        .filter((line) => line.includes('model catalog change refused'));
      expect(refusals).toHaveLength(1);
      expect(refusals[0]).toContain('cannot read model catalog');
      expect(await metric('rejected')).toBe(1);
    } finally {
      client.close();
      router.child.kill('SIGTERM');
    }
    expect(await router.exited).toBe(0);
  }, 30_000);

  it('stops on an unreadable key file (exit 78)', async () => {
    const router = start({ ...(await ports()), SERVICE_AUTH_KEY_FILE: join(secrets, 'absent') });
    expect(await router.exited).toBe(78);
    expect(router.output()).toContain('SERVICE_AUTH_KEY_FILE: cannot read');
  }, 20_000);

  it('runs in development mode on loopback by default, says so once, and logs the true addresses', async () => {
    const env = await ports();
    const router = start(env);
    await waitFor(() => router.output().includes('router ready'), 15_000);
    const lines = router.output().split('\n');
    expect(lines.filter((line) => line.includes('development mode'))).toHaveLength(1);
    const ready = JSON.parse(lines.find((line) => line.includes('router ready')) as string) as {
      grpc: string;
      ops: string;
      msg: string;
    };
    expect(ready.grpc).toBe(`127.0.0.1:${env.GRPC_PORT}`);
    expect(ready.ops).toBe(`127.0.0.1:${env.METRICS_PORT}`);
    expect(ready.msg).toContain(`gRPC on 127.0.0.1:${env.GRPC_PORT}`);
    const client = new RouterClient(`127.0.0.1:${env.GRPC_PORT}`);
    await expect(client.listModels()).resolves.toMatchObject({ models: expect.any(Array) });
    client.close();
    router.child.kill('SIGTERM');
    expect(await router.exited).toBe(0);
  }, 20_000);

  it('with a key file, serves only callers whose token that key signed', async () => {
    const key = randomBytes(48).toString('base64');
    const keyFile = join(secrets, 'service-key');
    writeFileSync(keyFile, `${key}\n`, { mode: 0o600 });
    const env = await ports();
    const router = start({ ...env, SERVICE_AUTH_KEY_FILE: keyFile, METRICS_HOST: 'localhost' });
    await waitFor(() => router.output().includes('router ready'), 15_000);
    expect(router.output()).not.toContain('development mode');
    expect(router.output()).not.toContain(key);
    const address = `127.0.0.1:${env.GRPC_PORT}`;
    const anonymous = new RouterClient(address);
    await expect(anonymous.listModels()).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const transport = Transport.create({ service: 'generate', keys: [Buffer.from(key)] });
    const signed = new RouterClient(address, { transport });
    const route = await runWithRequestContext({ requestId: 'r1', tenant: 'acme', tier: 'free' }, () =>
      signed.route({ query: 'What is ragfleet?', tier: 'free' }),
    );
    expect(route.chain.length).toBeGreaterThan(0);
    anonymous.close();
    signed.close();
  }, 20_000);
});
