import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { readJsonIfPresent, writeJsonDurably } from '@ragfleet/durable-json';
import { apiKeyRecordSchema, recordToStored, type ApiKeyRecord, type ApiKeyStore } from './key-record.ts';

/**
 * Admin-created keys of a gateway without Redis, in one JSON file under the data directory (the
 * key file's own format, so it can be read back or moved there), so they survive a restart.
 * Every change rewrites the file durably before it is answered. One process owns the file: two
 * replicas would overwrite each other's keys, so several replicas need Redis (REDIS_URL).
 */
export class FileKeyStore implements ApiKeyStore {
  readonly #path: string;
  /** By id; replaced as a whole once each change is on disk, so memory never runs ahead of the file. */
  #byId = new Map<string, ApiKeyRecord>();
  #byHash = new Map<string, ApiKeyRecord>();
  /** Changes run one after another, each on the state every change before it left. */
  #changes: Promise<unknown> = Promise.resolve();

  private constructor(path: string) {
    this.#path = path;
  }

  static async open(path: string): Promise<FileKeyStore> {
    const store = new FileKeyStore(path);
    await mkdir(dirname(path), { recursive: true });
    const stored = await readJsonIfPresent<{ keys?: unknown[] }>(path);
    const records: ApiKeyRecord[] = [];
    for (const entry of stored?.keys ?? []) {
      const parsed = apiKeyRecordSchema.safeParse(entry);
      // An entry this version cannot read is skipped rather than stopping the gateway.
      if (parsed.success) records.push(parsed.data);
    }
    store.#install(new Map(records.map((record) => [record.id, record])));
    return store;
  }

  async findByHash(hash: string): Promise<ApiKeyRecord | undefined> {
    return this.#byHash.get(hash);
  }

  async findById(id: string): Promise<ApiKeyRecord | undefined> {
    return this.#byId.get(id);
  }

  async save(record: ApiKeyRecord): Promise<void> {
    await this.#change((keys) => {
      keys.set(record.id, record);
      return undefined;
    });
  }

  async revoke(id: string): Promise<boolean> {
    return this.#change((keys) => keys.delete(id));
  }

  /** Applies a change to a copy, writes the copy durably, and only then lets lookups see it. */
  #change<T>(apply: (keys: Map<string, ApiKeyRecord>) => T): Promise<T> {
    const run = this.#changes.then(async () => {
      const next = new Map(this.#byId);
      const result = apply(next);
      await writeJsonDurably(this.#path, { keys: [...next.values()].map(recordToStored) });
      this.#install(next);
      return result;
    });
    // A failed write fails its own request and changes nothing; the next change starts clean.
    this.#changes = run.catch(() => undefined);
    return run;
  }

  #install(byId: Map<string, ApiKeyRecord>): void {
    this.#byId = byId;
    this.#byHash = new Map([...byId.values()].map((record) => [record.hash, record]));
  }
}
