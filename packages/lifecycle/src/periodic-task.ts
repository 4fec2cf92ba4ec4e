/** What a periodic task reports when one of its runs fails. */
export interface PeriodicLogger {
  warn(object: object, message?: string): void;
}

export interface PeriodicTask {
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

/**
 * Runs `task` every `everyMs`, never two runs at once; a failed run is logged and the next one
 * comes on time. The timer does not keep the process alive.
 */
export function startPeriodicTask(
  name: string,
  everyMs: number,
  task: () => Promise<unknown>,
  logger: PeriodicLogger,
): PeriodicTask {
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    if (running) return;
    running = task()
      .then(
        () => undefined,
        (error: unknown) => {
          logger.warn(
            { task: name, err: error instanceof Error ? error.message : String(error) },
            `${name} failed`,
          );
        },
      )
      .finally(() => {
        running = undefined;
      });
  }, everyMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
