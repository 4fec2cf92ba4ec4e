import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitFor } from '@ragfleet/testing';

const MAIN = join(import.meta.dirname, '../../src/main.ts');

export interface GatewayProcess {
  child: ChildProcess;
  /** The ops port: /metrics, /healthz, /readyz. */
  opsPort: number;
  output: () => string;
}

/** The real gateway main.ts as a child process against the given upstream address, once it listens. */
export async function startGatewayProcess(options: {
  port: number;
  upstream: string;
  env?: Record<string, string>;
}): Promise<GatewayProcess> {
  const opsPort = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      GATEWAY_PORT: String(options.port),
      METRICS_PORT: String(opsPort),
      // Embedded state (admin-created keys) never lands in the repository's own .data.
      DATA_DIR: mkdtempSync(join(tmpdir(), 'ragfleet-gateway-')),
      GATEWAY_HOST: '127.0.0.1',
      RETRIEVE_ADDR: options.upstream,
      GENERATE_ADDR: options.upstream,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitFor(() => output.includes('gateway listening on http://127.0.0.1:'), 15_000);
  return { child, opsPort, output: () => output };
}
