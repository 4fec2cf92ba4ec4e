import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { freePort, stopProcess, waitFor } from '@ragfleet/testing';

const HASHING_MAIN = join(import.meta.dirname, 'hashing-retrieve-main.ts');
/** retrieve's own main.ts: it calls the embed service at EMBED_ADDR. */
export const RETRIEVE_MAIN = join(import.meta.dirname, '..', '..', 'src', 'main.ts');

/**
 * A retrieve child process that a test may kill and start again on the same ports and data: by
 * default with the hashing embedder, or `main` (e.g. RETRIEVE_MAIN) as it is.
 */
export interface RetrieveProcess {
  address: string;
  readonly running: boolean;
  /** Everything every run of it printed (JSON log lines). */
  output(): string;
  start(): Promise<void>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export async function retrieveProcess(
  env: Record<string, string>,
  { main = HASHING_MAIN }: { main?: string } = {},
): Promise<RetrieveProcess> {
  const grpcPort = await freePort();
  const opsPort = await freePort();
  let child: ChildProcess | undefined;
  let output = '';

  const start = async () => {
    if (child) throw new Error('retrieve is already running');
    const from = output.length;
    const started = spawn(process.execPath, [main], {
      env: {
        ...process.env,
        LOG_LEVEL: 'info',
        ...env,
        GRPC_PORT: String(grpcPort),
        METRICS_PORT: String(opsPort),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = started;
    started.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    started.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    started.once('exit', () => {
      if (child === started) child = undefined;
    });
    await waitFor(() => {
      if (child !== started) throw new Error('retrieve exited while starting');
      return output.slice(from).includes('retrieve ready');
    }, 30_000).catch((error: unknown) => {
      throw new Error(`retrieve did not start: ${String(error)}\n${output.slice(from)}`);
    });
  };

  const kill = (signal: NodeJS.Signals = 'SIGKILL') => stopProcess(child, signal);

  return {
    address: `127.0.0.1:${grpcPort}`,
    get running() {
      return child !== undefined;
    },
    output: () => output,
    start,
    kill,
  };
}
