import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './ports.ts';
import { stopProcess } from './processes.ts';

/** Where Debian's package puts the binary (`.ci/run` installs it when missing). */
const KNOWN_BINARIES = ['/usr/sbin/nats-server', '/usr/bin/nats-server', '/usr/local/bin/nats-server'];

export interface NatsServerOptions {
  /** Default: NATS_SERVER_BIN, then the usual install paths, then `nats-server` on PATH. */
  binary?: string;
  /** Default: a free port. */
  port?: number;
  /** JetStream's store directory; default: a fresh temp dir, removed by stop(). */
  storeDir?: string;
  /** How long start() waits for "Server is ready". */
  readyTimeoutMs?: number;
}

/**
 * A throwaway `nats-server -js` of a test's own, on loopback, for tests that kill the server:
 * never the shared one on 4222. kill() ends the process (SIGKILL by default: no clean shutdown),
 * start() brings it back on the same port and store directory, as a restarted pod would.
 */
export interface NatsServer {
  url: string;
  port: number;
  storeDir: string;
  /** Whether a server process is running now. */
  readonly running: boolean;
  /** Everything the server printed since it was first started. */
  output(): string;
  start(): Promise<void>;
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Kills the server and removes the store directory it created. */
  stop(): Promise<void>;
}

export async function startNatsServer(options: NatsServerOptions = {}): Promise<NatsServer> {
  const binary = options.binary ?? natsServerBinary();
  const port = options.port ?? (await freePort());
  const ownsStore = options.storeDir === undefined;
  const storeDir = options.storeDir ?? (await mkdtemp(join(tmpdir(), 'ragfleet-nats-')));
  const readyTimeoutMs = options.readyTimeoutMs ?? 15_000;
  let child: ChildProcess | undefined;
  let output = '';

  const start = async () => {
    if (child) throw new Error(`nats-server on port ${port} is already running`);
    let started = '';
    const process_ = spawn(binary, ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', storeDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = process_;
    const onData = (chunk: Buffer) => {
      started += chunk.toString();
      output += chunk.toString();
    };
    process_.stdout?.on('data', onData);
    process_.stderr?.on('data', onData);
    process_.once('exit', () => {
      if (child === process_) child = undefined;
    });
    let spawnError = '';
    process_.once('error', (error) => {
      spawnError = String(error);
      if (child === process_) child = undefined;
    });
    const deadline = Date.now() + readyTimeoutMs;
    while (!started.includes('Server is ready')) {
      const ended = process_.exitCode !== null || process_.signalCode !== null || spawnError !== '';
      if (ended || Date.now() > deadline) {
        process_.kill('SIGKILL');
        throw new Error(`nats-server did not start on port ${port} (${binary}): ${spawnError}\n${started}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  const kill = (signal: NodeJS.Signals = 'SIGKILL') => stopProcess(child, signal);

  await start();
  return {
    url: `nats://127.0.0.1:${port}`,
    port,
    storeDir,
    get running() {
      return child !== undefined;
    },
    output: () => output,
    start,
    kill,
    stop: async () => {
      await kill();
      if (ownsStore) await rm(storeDir, { recursive: true, force: true });
    },
  };
}

function natsServerBinary(): string {
  const configured = process.env.NATS_SERVER_BIN;
  if (configured) return configured;
  return KNOWN_BINARIES.find((path) => existsSync(path)) ?? 'nats-server';
}
