import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@ragfleet/testing';

/**
 * A taken port, as a newcomer meets it: a second fleet, a stale process. Each case must end at
 * once with one line that names the port and the variable that moves it, never a stack trace, and
 * a fleet must never pass another fleet's service off as its own.
 */
const repo = join(import.meta.dirname, '../..');
const dataDir = mkdtempSync(join(tmpdir(), 'ragfleet-ports-'));
let holder: Server;
let takenPort: number;

interface Run {
  code: number | null;
  stderr: string;
  stdout: string;
}

function run(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      cwd: repo,
      env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 25_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  holder = createServer();
  await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', () => resolve()));
  takenPort = (holder.address() as { port: number }).port;
});

afterAll(() => {
  holder.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a port that is already taken', () => {
  it('stops a service with exit 78 and one line naming GRPC_PORT', async () => {
    const result = await run([join(repo, 'services/router/src/main.ts')], {
      GRPC_PORT: String(takenPort),
      METRICS_PORT: String(await freePort()),
    });
    expect(result.code).toBe(78);
    expect(result.stderr.trim()).toBe(
      `router: port ${takenPort} is already in use (127.0.0.1:${takenPort}); stop what holds it or set GRPC_PORT to another port`,
    );
  });

  it('stops the gateway with exit 78 and one line naming GATEWAY_PORT', async () => {
    const result = await run([join(repo, 'services/gateway/src/main.ts')], {
      GATEWAY_PORT: String(takenPort),
      METRICS_PORT: String(await freePort()),
    });
    expect(result.code).toBe(78);
    expect(result.stderr.trim()).toBe(
      `gateway: port ${takenPort} is already in use (127.0.0.1:${takenPort}); stop what holds it or set GATEWAY_PORT to another port`,
    );
  });

  it('stops `pnpm start --only router` before it starts anything, naming the fleet variable', async () => {
    // The taken port holds something that answers like a ready router would have: the fleet must
    // not probe it and call its own router ready.
    const result = await run([join(repo, 'scripts/fleet.ts'), '--only', 'router'], {
      ROUTER_GRPC_PORT: String(await freePort()),
      ROUTER_METRICS_PORT: String(takenPort),
    });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      `fleet: could not start: router: port ${takenPort} is already in use (127.0.0.1:${takenPort}); stop what holds it or set ROUTER_METRICS_PORT to another port`,
    );
    expect(result.stdout).not.toContain('ready');
  });
});
