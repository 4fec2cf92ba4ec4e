import { RagfleetError } from '@ragfleet/errors';
import { generateApiKey, hashApiKey, newKeyId } from './api-keys.ts';
import type { Scope, Tier } from './identity.ts';
import type { ApiKeyRecord, ApiKeyStore } from './key-record.ts';
import {
  LocalRevocationChannel,
  type RevocationChannel,
  type RevocationListener,
} from './key-revocations.ts';

export interface KeyDirectoryOptions {
  /** Keys from GATEWAY_API_KEYS_FILE: read-only, looked up in memory. */
  fileKeys: readonly ApiKeyRecord[];
  /** Keys created through the admin API. */
  store: ApiKeyStore;
  /**
   * How long a store lookup (found or not) is reused. Bounds the per-request cost of Redis keys,
   * and also how long a key revoked on another replica keeps working here.
   */
  cacheMs: number;
  /** Carries revocations to every replica (default: this process only). */
  revocations?: RevocationChannel;
  now?: () => number;
}

export interface NewKey {
  tenant: string;
  user?: string;
  tier: Tier;
  scopes?: readonly Scope[];
}

const MAX_CACHE_ENTRIES = 10_000;

/** Every known API key: the configured file first, then the admin-managed store behind a short cache. */
export class KeyDirectory {
  readonly #fileKeys: Map<string, ApiKeyRecord>;
  readonly #fileIds: Set<string>;
  readonly #store: ApiKeyStore;
  readonly #cacheMs: number;
  readonly #now: () => number;
  readonly #cache = new Map<string, { record: ApiKeyRecord | undefined; expires: number }>();
  readonly #revocations: RevocationChannel;

  constructor(options: KeyDirectoryOptions) {
    this.#fileKeys = new Map(options.fileKeys.map((record) => [record.hash, record]));
    this.#fileIds = new Set(options.fileKeys.map((record) => record.id));
    this.#store = options.store;
    this.#cacheMs = options.cacheMs;
    this.#now = options.now ?? Date.now;
    this.#revocations = options.revocations ?? new LocalRevocationChannel();
    // Whichever replica revoked a key, this one forgets it now rather than when its cache expires.
    this.#revocations.listen((revoked) => this.#cache.delete(revoked.hash));
  }

  /** The keys of the key file (their budgets are set in the router at start). */
  get fileKeys(): readonly ApiKeyRecord[] {
    return [...this.#fileKeys.values()];
  }

  /** Hears every revocation, on any replica; returns a function that stops listening. */
  onRevoked(listener: RevocationListener): () => void {
    return this.#revocations.listen(listener);
  }

  /** The record for a clear key, or undefined when no such key exists. */
  async lookup(clearKey: string): Promise<ApiKeyRecord | undefined> {
    return this.lookupHash(hashApiKey(clearKey));
  }

  /** The record for a key's hash (what a WebSocket ticket keeps instead of the key). */
  async lookupHash(hash: string): Promise<ApiKeyRecord | undefined> {
    const fromFile = this.#fileKeys.get(hash);
    if (fromFile) return fromFile;
    const cached = this.#cache.get(hash);
    const now = this.#now();
    if (cached && cached.expires > now) return cached.record;
    let record: ApiKeyRecord | undefined;
    try {
      record = await this.#store.findByHash(hash);
    } catch (error) {
      // Saying 401 to a valid caller because Redis is down would make them discard a good key.
      throw new RagfleetError('SERVICE_UNAVAILABLE', 'Credentials cannot be checked right now.', {
        cause: error,
        internal: `API key store failed: ${String(error)}`,
      });
    }
    if (this.#cache.size >= MAX_CACHE_ENTRIES) this.#cache.clear();
    this.#cache.set(hash, { record, expires: now + this.#cacheMs });
    return record;
  }

  /** Creates a key; the clear key is returned here once and never stored. */
  async create(input: NewKey): Promise<{ key: string; record: ApiKeyRecord }> {
    const key = generateApiKey();
    const id = newKeyId();
    const record: ApiKeyRecord = {
      id,
      hash: hashApiKey(key),
      tenant: input.tenant,
      user: input.user ?? id,
      tier: input.tier,
      scopes: input.scopes ?? ['*'],
      createdAt: new Date(this.#now()).toISOString(),
    };
    await this.#store.save(record);
    return { key, record };
  }

  async revoke(id: string): Promise<void> {
    if (this.#fileIds.has(id)) {
      throw new RagfleetError(
        'PERMISSION_DENIED',
        `Key "${id}" comes from the key file; remove it there to revoke it.`,
      );
    }
    const record = await this.#store.findById(id);
    if (!record || !(await this.#store.revoke(id))) {
      throw new RagfleetError('NOT_FOUND', `Key "${id}" does not exist.`);
    }
    this.#cache.delete(record.hash);
    // The key is gone from the store already; a lost announcement leaves only the cache window.
    await this.#revocations.announce({ id, hash: record.hash }).catch(() => undefined);
  }
}
