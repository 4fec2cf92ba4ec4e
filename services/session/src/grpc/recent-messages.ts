import { invalidField } from '@ragfleet/errors';
import type { MessageRecord, Page, SessionRecord, SessionRef } from '../domain/records.ts';
import type { SessionStore } from '../domain/session-store.ts';

export const DEFAULT_MESSAGE_PAGE = 50;
/** One below the store's page cap: a page reads one extra message to learn whether older ones exist. */
export const MAX_MESSAGE_PAGE = 199;

/** GetSession's cursor: "the page ends before this seq" (the store's cursor runs the other way). */
function decodeBeforeSeq(cursor: string, session: SessionRecord): number {
  if (cursor === '') return session.messageCount + 1;
  if (!/^\d{1,15}$/.test(cursor)) throw invalidField('message_cursor', 'is not a cursor this service issued');
  return Number(cursor);
}

/**
 * GetSession pages from the most recent messages back (a chat shows the end first), oldest first
 * within a page, while the store pages forward from a seq. Seqs in the window are contiguous up
 * to the message count, so the page before seq B starts right after B - 1 - size; reading one
 * more than the page tells whether an older one exists.
 */
export async function recentMessages(
  store: SessionStore,
  ref: SessionRef,
  session: SessionRecord,
  options: { pageSize: number; cursor: string },
): Promise<Page<MessageRecord>> {
  const size = Math.min(options.pageSize || DEFAULT_MESSAGE_PAGE, MAX_MESSAGE_PAGE);
  const before = decodeBeforeSeq(options.cursor, session);
  const from = Math.max(0, before - 2 - size);
  const { items } = await store.messages(ref, { cursor: String(from), limit: size + 1 });
  // When older messages were summarized away the window starts later and runs past `before`.
  const earlier = items.filter((message) => message.seq < before);
  if (earlier.length <= size) return { items: earlier };
  const page = earlier.slice(-size);
  return { items: page, nextCursor: String(page[0]?.seq) };
}
