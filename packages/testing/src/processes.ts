import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';

/** Sends the signal and resolves once the process has exited (at once if it already has). */
export async function stopProcess(
  child: ChildProcess | undefined,
  signal: NodeJS.Signals = 'SIGTERM',
): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill(signal);
  await exited;
}
