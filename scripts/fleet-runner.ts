import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
// Relative, like proto-gen.ts: the root package does not depend on the workspace packages.
import { PortInUseError } from '../packages/config/src/port-in-use.ts';
import { DEFAULT_PORTS } from '../packages/config/src/service-fields.ts';
import { SUPERVISED_BY_PIPE } from '../packages/lifecycle/src/lifecycle.ts';
import { freePort } from '../packages/testing/src/ports.ts';

export const FLEET_SERVICES = [
  'embed',
  'retrieve',
  'router',
  'generate',
  'session',
  'feedback',
  'recommend',
  'gateway',
] as const;
export type FleetService = (typeof FLEET_SERVICES)[number];
type GrpcService = Exclude<FleetService, 'gateway'>;

export interface FleetPorts {
  embed: { grpc: number; ops: number };
  retrieve: { grpc: number; ops: number };
  router: { grpc: number; ops: number };
  generate: { grpc: number; ops: number };
  session: { grpc: number; ops: number };
  feedback: { grpc: number; ops: number };
  recommend: { grpc: number; ops: number };
  gateway: { http: number; ops: number };
}

export type LogSink = (service: FleetService, line: string, stream: 'stdout' | 'stderr') => void;

export interface FleetOptions {
  /** Which services to start (default: all of them). */
  services?: readonly FleetService[];
  /** Added to the parent's environment for every child (REDIS_URL, NATS_URL, ...). */
  env?: Record<string, string | undefined>;
  /** Port overrides; the rest come from DEFAULT_PORTS (or free ports with freePorts). */
  ports?: { [K in GrpcService]?: Partial<FleetPorts[K]> } & { gateway?: Partial<FleetPorts['gateway']> };
  /** Pick free ports instead of the defaults, so a test fleet can run beside a developer's. */
  freePorts?: boolean;
  /**
   * Lift the gateway's request limits: a benchmark or an evaluation measures the fleet, not the
   * limiter (development callers are on tier free, 60 requests a minute).
   */
  unthrottled?: boolean;
  /** DATA_DIR for the children (default <repo>/.data). */
  dataDir?: string;
  /** Receives every log line of every child (default: dropped). */
  logSink?: LogSink;
  readyTimeoutMs?: number;
  /** How long a child may take to stop after SIGTERM before it is killed. */
  stopTimeoutMs?: number;
  /** Repository root (default: the parent of scripts/). */
  root?: string;
  /**
   * Run without a service key: services trust identity metadata from any caller, on loopback
   * only. Default: a random key for this run (unless SERVICE_AUTH_KEY_FILE or SERVICE_AUTH_KEY
   * is configured), shared by every service and the gateway.
   */
  developmentMode?: boolean;
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
  /**
   * The service-auth variables every child got (SERVICE_AUTH_KEY_FILE, or the configured ones):
   * what a test or benchmark needs to call a service directly with a valid token. Empty in
   * development mode.
   */
  serviceAuthEnv: Record<string, string>;
  /** Resolves if a child dies while the fleet should be running; the others are stopped by then. */
  crashed: Promise<ChildExit>;
  /**
   * Stops one service (SIGTERM) and starts it again on the same ports, `downMs` after it exited
   * (a slow start, a crash loop's delay); resolves once it is ready, with when the old process
   * exited and when the new one's probe first answered (ms since epoch).
   */
  restart(
    service: FleetService,
    options?: { downMs?: number },
  ): Promise<{ exitedAt: number; readyAt: number }>;
  /**
   * Each running child's process id: what a benchmark reads CPU time from (/proc/<pid>/stat), or
   * matches a CPU profile to its service by. A restart changes its service's pid.
   */
  pids(): Partial<Record<FleetService, number>>;
  /** SIGTERM to every child; resolves when all have exited. */
  stop(): Promise<void>;
}

const GRPC_SERVICES: readonly GrpcService[] = [
  'embed',
  'retrieve',
  'router',
  'generate',
  'session',
  'feedback',
  'recommend',
];
const TAIL_LINES = 20;

/** Limits no measuring run reaches; concurrent streams keep their default. */
const UNTHROTTLED_ENV = {
  GATEWAY_RATE_LIMIT_FREE_PER_MINUTE: '10000000',
  GATEWAY_RATE_LIMIT_STANDARD_PER_MINUTE: '10000000',
  GATEWAY_RATE_LIMIT_PREMIUM_PER_MINUTE: '10000000',
  GATEWAY_RATE_LIMIT_PER_DAY: '1000000000',
};

/**
 * The variable that sets each port of a fleet started by `pnpm start`: one per service and
 * listener, since GRPC_PORT alone cannot tell the services apart.
 */
export function fleetPortVariable(service: FleetService, listener: 'grpc' | 'http' | 'ops'): string {
  const prefix = service.toUpperCase();
  if (listener === 'ops') return `${prefix}_METRICS_PORT`;
  return service === 'gateway' ? 'GATEWAY_PORT' : `${prefix}_GRPC_PORT`;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/**
 * Every port this fleet will use must be free before anything starts: a port another fleet
 * holds would otherwise answer this one's readiness probe and pass for a started service.
 */
async function checkPortsFree(ports: FleetPorts, services: readonly FleetService[]): Promise<void> {
  for (const service of services) {
    const listeners = Object.entries(ports[service]) as ['grpc' | 'http' | 'ops', number][];
    for (const [listener, port] of listeners) {
      if (await portIsFree(port)) continue;
      throw new PortInUseError({
        service,
        host: '127.0.0.1',
        port,
        variable: fleetPortVariable(service, listener),
      });
    }
  }
}

async function resolvePorts(options: FleetOptions): Promise<FleetPorts> {
  const picked = new Set<number>();
  const pick = async (override: number | undefined, fallback: number): Promise<number> => {
    if (override !== undefined || !options.freePorts) return override ?? fallback;
    // A port is free only until someone binds it: never hand the same one to two children.
    let port = await freePort();
    while (picked.has(port)) port = await freePort();
    picked.add(port);
    return port;
  };
  const ports = {} as FleetPorts;
  for (const service of GRPC_SERVICES) {
    ports[service] = {
      grpc: await pick(options.ports?.[service]?.grpc, DEFAULT_PORTS[service].grpc),
      ops: await pick(options.ports?.[service]?.ops, DEFAULT_PORTS[service].ops),
    };
  }
  ports.gateway = {
    http: await pick(options.ports?.gateway?.http, DEFAULT_PORTS.gateway.http),
    ops: await pick(options.ports?.gateway?.ops, DEFAULT_PORTS.gateway.ops),
  };
  return ports;
}

const SERVICE_AUTH_VARIABLES = [
  'SERVICE_AUTH_KEY_FILE',
  'SERVICE_AUTH_KEY',
  'SERVICE_AUTH_PREVIOUS_KEY_FILE',
  'SERVICE_AUTH_PREVIOUS_KEY',
] as const;

/**
 * The fleet runs authenticated, like a deployment: with the configured key, or else a fresh
 * random one for this run in a file only this user can read, handed to every child (the same way
 * Kubernetes mounts a Secret). Development mode blanks the variables so none leaks in from the shell.
 */
async function serviceAuthEnv(options: FleetOptions, dataDir: string): Promise<Record<string, string>> {
  const configured = { ...process.env, ...options.env };
  if (options.developmentMode) return Object.fromEntries(SERVICE_AUTH_VARIABLES.map((name) => [name, '']));
  if (configured.SERVICE_AUTH_KEY_FILE || configured.SERVICE_AUTH_KEY) {
    return Object.fromEntries(
      SERVICE_AUTH_VARIABLES.filter((name) => configured[name]).map((name) => [
        name,
        configured[name] as string,
      ]),
    );
  }
  const dir = join(dataDir, 'fleet');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, 'service-auth.key');
  await writeFile(file, `${randomBytes(48).toString('base64url')}\n`, { mode: 0o600 });
  await chmod(file, 0o600); // writeFile's mode applies only to a new file
  return { SERVICE_AUTH_KEY_FILE: file };
}

function childEnv(
  service: FleetService,
  started: readonly FleetService[],
  ports: FleetPorts,
  options: FleetOptions,
  dataDir: string,
  auth: Record<string, string>,
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...(options.unthrottled && UNTHROTTLED_ENV),
    ...options.env,
    ...auth,
    DATA_DIR: dataDir,
    [SUPERVISED_BY_PIPE]: '1',
  };
  // A service this fleet runs is called on its port here; one it does not run (`--only`) is
  // called where the environment says, or on its port in this fleet's table.
  const configured = { ...process.env, ...options.env };
  for (const upstream of GRPC_SERVICES) {
    const variable = `${upstream.toUpperCase()}_ADDR`;
    const own = `127.0.0.1:${ports[upstream].grpc}`;
    env[variable] = started.includes(upstream) ? own : (configured[variable] ?? own);
  }
  if (service === 'gateway') {
    env.GATEWAY_PORT = String(ports.gateway.http);
    env.METRICS_PORT = String(ports.gateway.ops);
  } else {
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
  await checkPortsFree(ports, services);
  const dataDir = options.dataDir ?? join(root, '.data');
  await mkdir(dataDir, { recursive: true });
  const auth = await serviceAuthEnv(options, dataDir);
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

  const restarting = new Set<FleetService>();
  const launch = (service: FleetService) => {
    const child = spawn(process.execPath, [join(root, 'services', service, 'src', 'main.ts')], {
      cwd: root,
      env: childEnv(service, services, ports, options, dataDir, auth),
      // stdin is the child's lifeline: if this process dies unannounced, the pipe closes and the
      // child stops itself (packages/lifecycle), rather than outliving the launcher.
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    });
    child.stdin?.on('error', () => {}); // the child may exit first; nothing is written anyway
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
      if (stopping || firstCrash || restarting.has(service)) return;
      firstCrash = { service, code, signal };
      void stop().then(() => reportCrash(firstCrash as ChildExit));
    });
  };
  for (const service of services) launch(service);

  const readyTimeoutMs = options.readyTimeoutMs ?? 180_000;
  let deadline = Date.now() + readyTimeoutMs;
  const waitReady = async (service: FleetService) => {
    const url = probeUrl(service, ports, services);
    while (!(await answers200(url))) {
      if (firstCrash) {
        const tail = (tails.get(firstCrash.service) ?? []).join('\n');
        throw new Error(
          `${firstCrash.service} exited (code ${firstCrash.code ?? firstCrash.signal}) during start-up${tail ? `:\n${tail}` : ''}`,
        );
      }
      if (Date.now() > deadline) throw new Error(`${service} not ready at ${url} after ${readyTimeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  try {
    await Promise.all(services.map(waitReady));
  } catch (error) {
    await stop();
    throw error;
  }

  const restart = async (
    service: FleetService,
    { downMs = 0 }: { downMs?: number } = {},
  ): Promise<{ exitedAt: number; readyAt: number }> => {
    const child = children.get(service);
    if (!child || stopping) throw new Error(`${service} is not running in this fleet`);
    restarting.add(service);
    let exitedAt = Date.now();
    try {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        await exited;
        exitedAt = Date.now();
      }
      if (downMs > 0) await new Promise((resolve) => setTimeout(resolve, downMs));
      if (stopping) throw new Error(`the fleet stopped while ${service} was down`);
      launch(service);
    } finally {
      restarting.delete(service);
    }
    deadline = Date.now() + readyTimeoutMs;
    await waitReady(service);
    return { exitedAt, readyAt: Date.now() };
  };

  return {
    gatewayUrl: `http://127.0.0.1:${ports.gateway.http}`,
    ports,
    services,
    serviceAuthEnv: auth,
    crashed,
    restart,
    pids: () =>
      Object.fromEntries(
        [...children].flatMap(([service, child]) =>
          child.pid !== undefined && child.exitCode === null && child.signalCode === null
            ? [[service, child.pid]]
            : [],
        ),
      ),
    stop,
  };
}
