import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { freePort, waitFor } from '@ragfleet/testing';

const SESSION_MAIN = join(import.meta.dirname, '../../../session/src/main.ts');

export interface SessionProcess {
  child: ChildProcess;
  address: string;
  output: () => string;
  stop(): Promise<void>;
}

/** The real session service (services/session/src/main.ts, memory store) as a child process on free ports. */
export async function startSessionProcess(env: Record<string, string> = {}): Promise<SessionProcess> {
  const [grpcPort, opsPort] = [await freePort(), await freePort()];
  const child = spawn(process.execPath, [SESSION_MAIN], {
    env: {
      ...process.env,
      GRPC_HOST: '127.0.0.1',
      GRPC_PORT: String(grpcPort),
      METRICS_PORT: String(opsPort),
      LOG_LEVEL: 'info',
      REDIS_URL: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await waitFor(() => output.includes('session ready') || child.exitCode !== null, 15_000);
  if (child.exitCode !== null) throw new Error(`the session service exited: ${output}`);
  return {
    child,
    address: `127.0.0.1:${grpcPort}`,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
