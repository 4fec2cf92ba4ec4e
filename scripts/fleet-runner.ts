import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
// Relative, like proto-gen.ts: the root package does not depend on the workspace packages.
import { DEFAULT_PORTS } from '../packages/config/src/service-fields.ts';
import { freePort } from '../packages/testing/src/ports.ts';

export const FLEET_SERVICES = ['embed', 'retrieve', 'router', 'generate', 'gateway'] as const;
export type FleetService = (typeof FLEET_SERVICES)[number];
type GrpcService = Exclude<FleetService, 'gateway'>;

export interface FleetPorts {
  embed: { grpc: number; ops: number };
  retrieve: { grpc: number; ops: number };
  router: { grpc: number; ops: number };
  generate: { grpc: number; ops: number };
  gateway: { http: number };
}

export type LogSink = (service: FleetService, line: string, stream: 'stdout' | 'stderr') => void;

export interface FleetOptions {
  /** Which services to start (default: all five). */
  services?: readonly FleetService[];
  /** Added to the parent's environment for every child (REDIS_URL, NATS_URL, ...). */
  env?: Record<string, string | undefined>;
  /** Port overrides; the rest come from DEFAULT_PORTS (or free ports with freePorts). */
  ports?: { [K in GrpcService]?: Partial<FleetPorts[K]> } & { gateway?: Partial<FleetPorts['gateway']> };
  /** Pick free ports instead of the defaults, so a test fleet can run beside a developer's. */
  freePorts?: boolean;
  /** DATA_DIR for the children (default <repo>/.data). */
  dataDir?: string;
  /** Receives every log line of every child (default: dropped). */
  logSink?: LogSink;
  readyTimeoutMs?: number;
  /** How long a child may take to stop after SIGTERM before it is killed. */
  stopTimeoutMs?: number;
  /** Repository root (default: the parent of scripts/). */
  root?: string;
}

export interface ChildExit {
  service: FleetService;
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface Fleet {
  gatewayUrl: string;
  ports: FleetPorts;
  services: readonly FleetService[];
  /** Resolves if a child dies while the fleet should be running; the others are stopped by then. */
  crashed: Promise<ChildExit>;
  /** SIGTERM to every child; resolves when all have exited. */
  stop(): Promise<void>;
}

const GRPC_SERVICES: readonly GrpcService[] = ['embed', 'retrieve', 'router', 'generate'];
const TAIL_LINES = 20;

async function resolvePorts(options: FleetOptions): Promise<FleetPorts> {
  const pick = async (override: number | undefined, fallback: number) =>
    override ?? (options.freePorts ? await freePort() : fallback);
  const ports = {} as FleetPorts;
  for (const service of GRPC_SERVICES) {
    ports[service] = {
      grpc: await pick(options.ports?.[service]?.grpc, DEFAULT_PORTS[service].grpc),
      ops: await pick(options.ports?.[service]?.ops, DEFAULT_PORTS[service].ops),
    };
  }
  ports.gateway = { http: await pick(options.ports?.gateway?.http, DEFAULT_PORTS.gateway.http) };
  return ports;
}

function childEnv(
  service: FleetService,
  ports: FleetPorts,
  options: FleetOptions,
  dataDir: string,
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...options.env,
    DATA_DIR: dataDir,
    EMBED_ADDR: `127.0.0.1:${ports.embed.grpc}`,
    RETRIEVE_ADDR: `127.0.0.1:${ports.retrieve.grpc}`,
    ROUTER_ADDR: `127.0.0.1:${ports.router.grpc}`,
    GENERATE_ADDR: `127.0.0.1:${ports.generate.grpc}`,
  };
  if (service === 'gateway') env.GATEWAY_PORT = String(ports.gateway.http);
  else {
    env.GRPC_PORT = String(ports[service].grpc);
    env.METRICS_PORT = String(ports[service].ops);
  }
  return env;
}

/** The URL whose 200 means a service is up: ops /readyz, or the gateway's own. */
function probeUrl(service: FleetService, ports: FleetPorts, services: readonly FleetService[]): string {
  if (service !== 'gateway') return `http://127.0.0.1:${ports[service].ops}/readyz`;
  // The gateway is only ready once its upstreams answer; without them in this fleet, alive must do.
  const upstreamsHere = services.includes('retrieve') && services.includes('generate');
  return `http://127.0.0.1:${ports.gateway.http}/${upstreamsHere ? 'readyz' : 'healthz'}`;
}

async function answers200(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * Starts the fleet as separate processes (node running each service's src/main.ts), waits until
 * every service reports ready, and hands back the gateway's URL and a stop function. Used by
 * `pnpm start`, the end-to-end test and the benchmarks.
 */
export async function startFleet(options: FleetOptions = {}): Promise<Fleet> {
  const root = options.root ?? join(import.meta.dirname, '..');
  const services = options.services ?? FLEET_SERVICES;
  const ports = await resolvePorts(options);
  const dataDir = options.dataDir ?? join(root, '.data');
  await mkdir(dataDir, { recursive: true });
  const stopTimeoutMs = options.stopTimeoutMs ?? 20_000;

  const children = new Map<FleetService, ChildProcess>();
  const tails = new Map<FleetService, string[]>();
  let stopping: Promise<void> | undefined;
  let reportCrash!: (exit: ChildExit) => void;
  const crashed = new Promise<ChildExit>((resolve) => (reportCrash = resolve));
  let firstCrash: ChildExit | undefined;

  // Children run in their own process group, so a terminal's Ctrl-C reaches only this process,
  // which then stops them in order; if this process dies anyway, take them along.
  const killAll = () => {
    for (const child of children.values())
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  process.once('exit', killAll);

  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      await Promise.all(
        [...children.values()].map(async (child) => {
          if (child.exitCode !== null || child.signalCode !== null) return;
          const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs);
          await exited;
          clearTimeout(timer);
        }),
      );
      process.off('exit', killAll);
    })();
    return stopping;
  };

  for (const service of services) {
    const child = spawn(process.execPath, [join(root, 'services', service, 'src', 'main.ts')], {
      cwd: root,
      env: childEnv(service, ports, options, dataDir),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    children.set(service, child);
    tails.set(service, []);
    for (const [stream, name] of [
      [child.stdout, 'stdout'],
      [child.stderr, 'stderr'],
    ] as const) {
      if (!stream) continue;
      createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
        const tail = tails.get(service) ?? [];
        tail.push(line);
        if (tail.length > TAIL_LINES) tail.shift();
        options.logSink?.(service, line, name);
      });
    }
    child.once('exit', (code, signal) => {
      if (stopping || firstCrash) return;
      firstCrash = { service, code, signal };
      void stop().then(() => reportCrash(firstCrash as ChildExit));
    });
  }

  const deadline = Date.now() + (options.readyTimeoutMs ?? 180_000);
  const waitReady = async (service: FleetService) => {
    const url = probeUrl(service, ports, services);
    while (!(await answers200(url))) {
      if (firstCrash) {
        const tail = (tails.get(firstCrash.service) ?? []).join('\n');
        throw new Error(
          `${firstCrash.service} exited (code ${firstCrash.code ?? firstCrash.signal}) during start-up${tail ? `:\n${tail}` : ''}`,
        );
      }
      if (Date.now() > deadline)
        throw new Error(`${service} not ready at ${url} after ${options.readyTimeoutMs ?? 180_000} ms`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };
  try {
    await Promise.all(services.map(waitReady));
  } catch (error) {
    await stop();
    throw error;
  }

  return { gatewayUrl: `http://127.0.0.1:${ports.gateway.http}`, ports, services, crashed, stop };
}
