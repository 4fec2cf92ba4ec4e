import { describe, expect, it } from '@jest/globals';
import { MemorySessionStore } from '../src/adapters/memory-session-store.ts';
import { recentMessages } from '../src/grpc/recent-messages.ts';

/* GetSession's paging: the most recent page first, oldest first within a page, back to the start. */

const owner = { tenant: 'acme', user: 'alice' };

async function sessionWith(count: number) {
  const store = new MemorySessionStore({ sessionTtlMs: 60_000, turnEventTtlMs: 60_000 });
  const ref = { ...owner, sessionId: (await store.create(owner, { labels: [] })).id };
  for (let n = 1; n <= count; n++) await store.appendMessage(ref, { role: 'user', content: `m${n}` });
  return { store, ref };
}

async function allPages(
  store: MemorySessionStore,
  ref: { tenant: string; user: string; sessionId: string },
  pageSize: number,
) {
  const pages: number[][] = [];
  let cursor = '';
  do {
    const record = await store.get(ref);
    const page = await recentMessages(store, ref, record, { pageSize, cursor });
    pages.push(page.items.map((m) => m.seq));
    cursor = page.nextCursor ?? '';
  } while (cursor && pages.length < 20);
  return pages;
}

describe('recentMessages', () => {
  it('pages from the newest messages back to the first', async () => {
    const { store, ref } = await sessionWith(7);
    expect(await allPages(store, ref, 3)).toEqual([[5, 6, 7], [2, 3, 4], [1]]);
    expect(await allPages(store, ref, 7)).toEqual([[1, 2, 3, 4, 5, 6, 7]]);
    expect(await allPages(store, ref, 0)).toEqual([[1, 2, 3, 4, 5, 6, 7]]);
  });

  it('ends at the oldest kept message once older ones are summarized away', async () => {
    const { store, ref } = await sessionWith(9);
    await store.replaceWindow(ref, { summary: 'm1 to m4', throughSeq: 4 });
    expect(await allPages(store, ref, 2)).toEqual([[8, 9], [6, 7], [5]]);
    expect(await allPages(store, ref, 5)).toEqual([[5, 6, 7, 8, 9]]);
  });

  it('has an empty page for an empty session and rejects a forged cursor', async () => {
    const { store, ref } = await sessionWith(0);
    expect(await allPages(store, ref, 3)).toEqual([[]]);
    const record = await store.get(ref);
    await expect(recentMessages(store, ref, record, { pageSize: 3, cursor: 'x' })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });
});
