import { describe, expect, it } from '@jest/globals';
import { sessionStoreContract } from '../domain/session-store.contract.ts';
import { MemorySessionStore } from './memory-session-store.ts';

sessionStoreContract('MemorySessionStore', async (timings) => {
  const store = new MemorySessionStore(timings);
  return { store, cleanup: () => store.close() };
});

describe('MemorySessionStore.sweep', () => {
  it('frees the sessions whose TTL has passed and leaves the others', async () => {
    const store = new MemorySessionStore({ sessionTtlMs: 1_000, turnEventTtlMs: 1_000 });
    const owner = { tenant: 'acme', user: 'alice' };
    const old = await store.create(owner, { labels: [] });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const fresh = await store.create(owner, { labels: [] });
    expect(store.sweep(old.createdAt + 999)).toBe(0);
    expect(store.sweep(old.createdAt + 1_000)).toBe(1);
    expect(store.sweep(fresh.createdAt + 1_000)).toBe(1);
    expect(store.sweep(fresh.createdAt + 5_000)).toBe(0);
  });
});
