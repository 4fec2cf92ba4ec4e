/** Set by a supervisor that holds the child's stdin as a lifeline (see #stopWhenSupervisorGoes). */
export const SUPERVISED_BY_PIPE = 'RAGFLEET_SUPERVISED_BY_PIPE';

/** What the lifecycle needs from a logger; pino satisfies it. */
export interface LifecycleLogger {
  info(object: object, message?: string): void;
  error(object: object, message?: string): void;
}

export interface LifecycleOptions {
  logger: LifecycleLogger;
  /** How long in-flight work may take to finish after readiness turns off. */
  drainMs?: number;
  /** Hard bound on the whole shutdown; past it the process exits anyway. */
  timeoutMs?: number;
  /** Injected so tests can observe the exit instead of dying. */
  exit?: (code: number) => void;
}

interface Hook {
  name: string;
  close: () => Promise<void> | void;
}

/**
 * Graceful shutdown in the order Kubernetes expects: turn not-ready first (so no new traffic
 * arrives), let in-flight work drain, then close resources in reverse order of creation.
 * Register each hook right after its resource is created.
 */
export class Lifecycle {
  #hooks: Hook[] = [];
  #drainers: Array<() => Promise<void>> = [];
  #ready = false;
  #stopping: Promise<void> | undefined;
  readonly #options: Required<Omit<LifecycleOptions, 'logger'>> & { logger: LifecycleLogger };

  constructor(options: LifecycleOptions) {
    this.#options = {
      drainMs: 10_000,
      timeoutMs: 30_000,
      exit: (code) => process.exit(code),
      ...options,
    };
  }

  get ready(): boolean {
    return this.#ready;
  }

  get stopping(): boolean {
    return this.#stopping !== undefined;
  }

  markReady(): void {
    this.#ready = true;
  }

  /** A resource to close at shutdown; closed in reverse registration order. */
  onShutdown(name: string, close: Hook['close']): void {
    this.#hooks.push({ name, close });
  }

  /** In-flight work to wait for (bounded by drainMs) before resources close. */
  onDrain(drain: () => Promise<void>): void {
    this.#drainers.push(drain);
  }

  /** SIGTERM and SIGINT start the shutdown; a second signal exits at once. */
  handleSignals(): void {
    const onSignal = (signal: NodeJS.Signals) => {
      if (this.#stopping) {
        this.#options.logger.info({ signal }, 'second signal: exiting now');
        this.#options.exit(1);
        return;
      }
      void this.shutdown(signal).then(
        () => this.#options.exit(0),
        () => this.#options.exit(1),
      );
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
    if (process.env[SUPERVISED_BY_PIPE] === '1') this.#stopWhenSupervisorGoes();
  }

  /**
   * A supervisor that holds this process's stdin (the fleet launcher) may die without a chance
   * to stop it (SIGKILL, a closed terminal): its end of the pipe closes, and so this process
   * stops the same graceful way instead of living on as an orphan that holds its ports.
   */
  #stopWhenSupervisorGoes(): void {
    const onGone = () => {
      if (this.#stopping) return;
      void this.shutdown('supervisor gone').then(
        () => this.#options.exit(0),
        () => this.#options.exit(1),
      );
    };
    process.stdin.once('end', onGone);
    process.stdin.once('close', onGone);
    process.stdin.resume(); // nothing is ever written; reading is how the closed pipe is seen
  }

  shutdown(reason = 'shutdown'): Promise<void> {
    this.#ready = false;
    this.#stopping ??= this.#run(reason);
    return this.#stopping;
  }

  async #run(reason: string): Promise<void> {
    const { logger, drainMs, timeoutMs } = this.#options;
    logger.info({ reason }, 'shutting down: not ready');
    const timer = setTimeout(() => {
      logger.error({ timeoutMs }, 'shutdown timed out: exiting');
      this.#options.exit(1);
    }, timeoutMs);
    timer.unref();
    try {
      await withTimeout(Promise.allSettled(this.#drainers.map((drain) => drain())), drainMs);
      for (const hook of [...this.#hooks].reverse()) {
        try {
          await hook.close();
          logger.info({ resource: hook.name }, 'closed');
        } catch (error) {
          logger.error({ resource: hook.name, err: error }, 'close failed');
        }
      }
    } finally {
      clearTimeout(timer);
    }
  }
}

function withTimeout(promise: Promise<unknown>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    timer.unref();
    void promise.then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
