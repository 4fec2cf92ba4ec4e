import type { Redis } from 'ioredis';
import { apiKeyRecordSchema, recordToStored, type ApiKeyRecord, type ApiKeyStore } from './key-record.ts';

/**
 * Admin-created keys shared by every gateway replica: `<prefix>hash:<sha256>` holds the record,
 * `<prefix>id:<id>` points at the hash so a key can be revoked by its public id.
 */
export class RedisKeyStore implements ApiKeyStore {
  readonly #redis: Redis;
  readonly #prefix: string;

  constructor(redis: Redis, prefix: string) {
    this.#redis = redis;
    this.#prefix = prefix;
  }

  async findByHash(hash: string): Promise<ApiKeyRecord | undefined> {
    const stored = await this.#redis.get(`${this.#prefix}hash:${hash}`);
    if (stored === null) return undefined;
    const parsed = apiKeyRecordSchema.safeParse(JSON.parse(stored));
    // A record this version cannot read is treated as absent rather than as a server error.
    return parsed.success ? parsed.data : undefined;
  }

  async findById(id: string): Promise<ApiKeyRecord | undefined> {
    const hash = await this.#redis.get(`${this.#prefix}id:${id}`);
    return hash === null ? undefined : this.findByHash(hash);
  }

  async save(record: ApiKeyRecord): Promise<void> {
    await this.#redis
      .multi()
      .set(`${this.#prefix}hash:${record.hash}`, JSON.stringify(recordToStored(record)))
      .set(`${this.#prefix}id:${record.id}`, record.hash)
      .exec();
  }

  async revoke(id: string): Promise<boolean> {
    const hash = await this.#redis.get(`${this.#prefix}id:${id}`);
    if (hash === null) return false;
    await this.#redis.del(`${this.#prefix}hash:${hash}`, `${this.#prefix}id:${id}`);
    return true;
  }
}
