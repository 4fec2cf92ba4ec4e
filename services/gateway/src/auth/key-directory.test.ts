import { describe, expect, it } from '@jest/globals';
import { isRagfleetError } from '@ragfleet/errors';
import { hashApiKey } from './api-keys.ts';
import { KeyDirectory } from './key-directory.ts';
import type { ApiKeyRecord, ApiKeyStore } from './key-record.ts';
import { MemoryKeyStore } from './memory-key-store.ts';

const fileKey: ApiKeyRecord = {
  id: 'from-file',
  hash: hashApiKey('rf_file'),
  tenant: 'acme',
  user: 'ci',
  tier: 'standard',
  scopes: ['*'],
};

/** Counts store lookups so the cache can be seen working. */
class CountingStore extends MemoryKeyStore {
  lookups = 0;
  override async findByHash(hash: string) {
    this.lookups++;
    return super.findByHash(hash);
  }
}

describe('KeyDirectory', () => {
  it('finds file keys and created keys by their clear key, and stores only the hash', async () => {
    const store = new MemoryKeyStore();
    const directory = new KeyDirectory({ fileKeys: [fileKey], store, cacheMs: 0 });
    expect(await directory.lookup('rf_file')).toEqual(fileKey);
    const { key, record } = await directory.create({ tenant: 'beta', tier: 'free' });
    expect(record.hash).toBe(hashApiKey(key));
    expect(JSON.stringify(await store.findById(record.id))).not.toContain(key);
    expect(await directory.lookup(key)).toMatchObject({ tenant: 'beta', tier: 'free', user: record.id });
    expect(await directory.lookup('rf_unknown')).toBeUndefined();
  });

  it('reuses a store lookup for cacheMs, and forgets a key revoked here at once', async () => {
    let now = 1_000;
    const store = new CountingStore();
    const directory = new KeyDirectory({ fileKeys: [], store, cacheMs: 5_000, now: () => now });
    const { key, record } = await directory.create({ tenant: 't', tier: 'free' });
    await directory.lookup(key);
    await directory.lookup(key);
    expect(store.lookups).toBe(1);
    now += 5_001;
    await directory.lookup(key);
    expect(store.lookups).toBe(2);
    await directory.revoke(record.id);
    expect(await directory.lookup(key)).toBeUndefined();
  });

  it('refuses to revoke file keys or unknown ids', async () => {
    const directory = new KeyDirectory({ fileKeys: [fileKey], store: new MemoryKeyStore(), cacheMs: 0 });
    await expect(directory.revoke('from-file')).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    await expect(directory.revoke('nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('answers SERVICE_UNAVAILABLE, not "bad key", when the store fails', async () => {
    const broken: ApiKeyStore = {
      findByHash: () => Promise.reject(new Error('redis down')),
      findById: () => Promise.reject(new Error('redis down')),
      save: () => Promise.reject(new Error('redis down')),
      revoke: () => Promise.reject(new Error('redis down')),
    };
    const directory = new KeyDirectory({ fileKeys: [fileKey], store: broken, cacheMs: 0 });
    expect(await directory.lookup('rf_file')).toEqual(fileKey);
    const error = await directory.lookup('rf_other').catch((caught: unknown) => caught);
    expect(isRagfleetError(error) && error.code).toBe('SERVICE_UNAVAILABLE');
  });
});
