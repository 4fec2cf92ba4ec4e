import type { ApiKeyRecord, ApiKeyStore } from './key-record.ts';

/** Admin-created keys for a single process (no REDIS_URL): they vanish on restart. */
export class MemoryKeyStore implements ApiKeyStore {
  readonly #byHash = new Map<string, ApiKeyRecord>();
  readonly #byId = new Map<string, ApiKeyRecord>();

  async findByHash(hash: string): Promise<ApiKeyRecord | undefined> {
    return this.#byHash.get(hash);
  }

  async findById(id: string): Promise<ApiKeyRecord | undefined> {
    return this.#byId.get(id);
  }

  async save(record: ApiKeyRecord): Promise<void> {
    this.#byHash.set(record.hash, record);
    this.#byId.set(record.id, record);
  }

  async revoke(id: string): Promise<boolean> {
    const record = this.#byId.get(id);
    if (!record) return false;
    this.#byId.delete(id);
    this.#byHash.delete(record.hash);
    return true;
  }
}
