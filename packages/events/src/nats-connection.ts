import { connect, type NatsConnection } from '@nats-io/transport-node';
import { RagfleetError } from '@ragfleet/errors';
import type { EventBusState } from './event-bus.ts';
import { errorFields, type EventLogger } from './event-logger.ts';

export interface NatsConnectOptions {
  url: string;
  /** Connection name shown by the NATS server (e.g. the service name). */
  name?: string;
  /** Wait between two reconnect attempts (plus the client's jitter). */
  reconnectWaitMs?: number;
}

export const DEFAULT_RECONNECT_WAIT_MS = 1_000;

/**
 * Opens a connection that never gives up reconnecting. The client's default is 10 attempts 2 s
 * apart: an outage of about 20 s closed the connection for good, after which the process kept
 * serving while its consumers had stopped and every publish failed until someone restarted it.
 * The first connect still fails fast, so a misconfigured URL stops the service at start.
 */
export async function connectNats(options: NatsConnectOptions): Promise<NatsConnection> {
  try {
    return await connect({
      servers: options.url,
      name: options.name,
      maxReconnectAttempts: -1,
      reconnectTimeWait: options.reconnectWaitMs ?? DEFAULT_RECONNECT_WAIT_MS,
    });
  } catch (error) {
    throw new RagfleetError('SERVICE_UNAVAILABLE', 'Cannot reach the event bus (NATS).', {
      cause: error,
      internal: `NATS at ${options.url}: ${String(error)}`,
    });
  }
}

/**
 * Follows a connection's status: logs each loss and return (once per outage, not per attempt)
 * and tells listeners when the server is back, so they can repair what a restarted server lost.
 */
export class ConnectionWatch {
  readonly #connection: NatsConnection;
  readonly #logger: EventLogger;
  readonly #onReconnect: Array<() => void> = [];
  #state: EventBusState = 'connected';
  #since = Date.now();

  constructor(connection: NatsConnection, logger: EventLogger) {
    this.#connection = connection;
    this.#logger = logger;
    void this.#follow();
    void connection.closed().then(() => {
      this.#state = 'closed';
    });
  }

  get state(): EventBusState {
    return this.#state;
  }

  onReconnect(listener: () => void): void {
    this.#onReconnect.push(listener);
  }

  async #follow(): Promise<void> {
    for await (const status of this.#connection.status()) {
      switch (status.type) {
        case 'disconnect':
          if (this.#state !== 'connected') break;
          this.#state = 'reconnecting';
          this.#since = Date.now();
          this.#logger.warn(
            { server: status.server },
            'event bus disconnected; reconnecting without a limit',
          );
          break;
        case 'reconnect':
          this.#state = 'connected';
          this.#logger.info(
            { server: status.server, outageMs: Date.now() - this.#since },
            'event bus reconnected',
          );
          for (const listener of this.#onReconnect) listener();
          break;
        case 'error':
          this.#logger.warn(errorFields(status.error), 'event bus connection error');
          break;
        case 'staleConnection':
          this.#logger.warn({}, 'event bus connection went stale; reconnecting');
          break;
        default:
          break;
      }
    }
  }
}
