import { formatHostPort } from './listen-host.ts';

/** Where a listener binds, and the setting that moves it: what a person needs when the port is taken. */
export interface ListenTarget {
  service: string;
  host: string;
  port: number;
  /** The environment variable that sets this port (GRPC_PORT, METRICS_PORT, GATEWAY_PORT, …). */
  variable: string;
}

/**
 * A port another process holds. Its message is the one line a person needs (which port, which
 * variable moves it), so that a second fleet or a stale process is not a stack trace.
 */
export class PortInUseError extends Error {
  readonly target: ListenTarget;
  constructor(target: ListenTarget) {
    super(
      `${target.service}: port ${target.port} is already in use (${formatHostPort(target.host, target.port)}); ` +
        `stop what holds it or set ${target.variable} to another port`,
    );
    this.name = 'PortInUseError';
    this.target = target;
  }
}

/** Node says EADDRINUSE in `code`; grpc-js only inside its message. (No instanceof: the error may
 * come from another realm, as under a test runner's VM.) */
function isAddressInUse(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return code === 'EADDRINUSE' || (typeof message === 'string' && message.includes('EADDRINUSE'));
}

/** Runs a bind; a taken port becomes a PortInUseError naming the port and its variable. */
export async function bindNaming<T>(target: ListenTarget, bind: () => Promise<T>): Promise<T> {
  try {
    return await bind();
  } catch (error) {
    if (isAddressInUse(error)) throw new PortInUseError(target);
    throw error;
  }
}
