import type { Redis } from 'ioredis';
import type { EmbeddingCache } from '../domain/embedding-cache.ts';

export interface RedisEmbeddingCacheOptions {
  redis: Redis;
  /** Prepended to every key, so several fleets (or tests) can share one Redis. */
  keyPrefix: string;
  ttlSeconds: number;
}

/** Vectors as raw little-endian float32 bytes: a quarter of the size of JSON, and no parsing. */
function toBytes(vector: Float32Array): Buffer {
  return Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength);
}

function fromBytes(bytes: Buffer): Float32Array | undefined {
  if (bytes.byteLength === 0 || bytes.byteLength % Float32Array.BYTES_PER_ELEMENT !== 0) return undefined;
  // Copy: a Buffer from the socket need not sit on a 4-byte boundary that Float32Array requires.
  const copy = new Uint8Array(bytes);
  return new Float32Array(copy.buffer);
}

/** The shared cache: every replica benefits from vectors any replica computed. */
export class RedisEmbeddingCache implements EmbeddingCache {
  readonly #redis: Redis;
  readonly #prefix: string;
  readonly #ttlSeconds: number;

  constructor(options: RedisEmbeddingCacheOptions) {
    this.#redis = options.redis;
    this.#prefix = options.keyPrefix;
    this.#ttlSeconds = options.ttlSeconds;
  }

  async getMany(keys: string[]): Promise<Array<Float32Array | undefined>> {
    if (keys.length === 0) return [];
    const values = await this.#redis.mgetBuffer(keys.map((key) => this.#prefix + key));
    return values.map((value) => (value ? fromBytes(value) : undefined));
  }

  async setMany(entries: Array<{ key: string; vector: Float32Array }>): Promise<void> {
    if (entries.length === 0) return;
    const pipeline = this.#redis.pipeline();
    for (const { key, vector } of entries)
      pipeline.set(this.#prefix + key, toBytes(vector), 'EX', this.#ttlSeconds);
    const results = await pipeline.exec();
    const failed = results?.find(([error]) => error);
    if (failed?.[0]) throw failed[0];
  }
}
