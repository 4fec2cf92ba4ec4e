import type { Redis } from 'ioredis';
import type { Logger } from '@ragfleet/telemetry';
import type { RevocationChannel, RevocationListener, RevokedKey } from './key-revocations.ts';

/**
 * Revocations over Redis pub/sub. A subscribed connection can do nothing else, so this holds its
 * own; while Redis is away nothing is heard, and the key cache window still bounds how long a
 * revoked key keeps working (GATEWAY_KEY_CACHE_MS).
 */
export class RedisRevocationChannel implements RevocationChannel {
  readonly #publisher: Redis;
  readonly #subscriber: Redis;
  readonly #channel: string;
  readonly #listeners = new Set<RevocationListener>();

  constructor(redis: Redis, channel: string, logger: Logger) {
    this.#publisher = redis;
    this.#channel = channel;
    this.#subscriber = redis.duplicate();
    this.#subscriber.on('error', () => undefined); // the publisher's connection already reports outages
    this.#subscriber.subscribe(channel).catch((error: unknown) => {
      logger.warn(
        { err: String(error) },
        'key revocation channel: subscribe failed; the key cache window applies',
      );
    });
    this.#subscriber.on('message', (from: string, message: string) => {
      if (from !== this.#channel) return;
      const revoked = parse(message);
      if (revoked) for (const listener of this.#listeners) listener(revoked);
    });
  }

  async announce(revoked: RevokedKey): Promise<void> {
    await this.#publisher.publish(this.#channel, JSON.stringify(revoked));
  }

  listen(listener: RevocationListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async close(): Promise<void> {
    await this.#subscriber.quit().catch(() => this.#subscriber.disconnect());
  }
}

function parse(message: string): RevokedKey | undefined {
  try {
    const value = JSON.parse(message) as Partial<RevokedKey>;
    return typeof value.id === 'string' && typeof value.hash === 'string'
      ? { id: value.id, hash: value.hash }
      : undefined;
  } catch {
    return undefined;
  }
}
