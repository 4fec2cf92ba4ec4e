import { afterAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitFor } from '@ragfleet/testing';

/**
 * `pnpm start` killed without a chance to stop its services (SIGKILL, a closed terminal) must
 * not leave them running: they hold the fleet's ports, and the next start would fail or, worse,
 * probe them. The services it started stop themselves when the launcher's end of their stdin
 * closes. The test also shows the launcher honours the per-service port variables.
 */
const repo = join(import.meta.dirname, '../..');
const dataDir = mkdtempSync(join(tmpdir(), 'ragfleet-orphans-'));

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** Processes whose environment names this test's data directory: the services it started (Linux). */
function processesUsing(dir: string): number[] {
  if (!existsSync('/proc')) return [];
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry) && Number(entry) !== process.pid)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(`DATA_DIR=${dir}`);
      } catch {
        return false; // gone already, or not ours to read
      }
    })
    .map(Number);
}

describe('the fleet launcher', () => {
  it('takes its services along when it is killed outright', async () => {
    const grpcPort = await freePort();
    const opsPort = await freePort();
    const launcher = spawn(process.execPath, [join(repo, 'scripts/fleet.ts'), '--only', 'router'], {
      cwd: repo,
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        ROUTER_GRPC_PORT: String(grpcPort),
        ROUTER_METRICS_PORT: String(opsPort),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    launcher.stdout.on('data', (chunk: Buffer) => (output += chunk));
    launcher.stderr.on('data', (chunk: Buffer) => (output += chunk));
    try {
      await waitFor(() => output.includes('fleet: router ready'), 20_000);
      // The router listens where the variables said.
      expect(await isFree(grpcPort)).toBe(false);
      const ready = await fetch(`http://127.0.0.1:${opsPort}/readyz`);
      expect(ready.status).toBe(200);

      const services = processesUsing(dataDir).filter((pid) => pid !== launcher.pid);
      if (existsSync('/proc')) expect(services.length).toBeGreaterThan(0);

      launcher.kill('SIGKILL');
      await waitFor(async () => (await isFree(grpcPort)) && (await isFree(opsPort)), 10_000);
      // Not only the ports: the processes themselves are gone.
      await waitFor(() => processesUsing(dataDir).length === 0, 10_000);
    } finally {
      launcher.kill('SIGKILL');
    }
  });
});
