import type { Redis } from 'ioredis';
import { RagfleetError } from '@ragfleet/errors';
import type { TicketStore } from './ticket-store.ts';

/**
 * Tickets shared by every gateway replica: one replica issues a ticket, the socket may reach
 * another. GETDEL takes a ticket atomically, so two replicas can never both accept it.
 */
export class RedisTicketStore implements TicketStore {
  readonly #redis: Redis;
  readonly #prefix: string;

  constructor(redis: Redis, prefix: string) {
    this.#redis = redis;
    this.#prefix = prefix;
  }

  async put(key: string, value: string, ttlMs: number): Promise<void> {
    await this.#call(() => this.#redis.set(`${this.#prefix}${key}`, value, 'PX', ttlMs));
  }

  async take(key: string): Promise<string | undefined> {
    return (await this.#call(() => this.#redis.getdel(`${this.#prefix}${key}`))) ?? undefined;
  }

  /** Redis away: a retryable 503, never a 401 that would send a valid caller away for good. */
  async #call<T>(command: () => Promise<T>): Promise<T> {
    try {
      return await command();
    } catch (error) {
      throw new RagfleetError('SERVICE_UNAVAILABLE', 'WebSocket tickets cannot be handled right now.', {
        cause: error,
        internal: `ticket store failed: ${String(error)}`,
      });
    }
  }
}
