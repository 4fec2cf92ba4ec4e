import { invalidField } from '@ragfleet/errors';
import type { SessionRecord } from './records.ts';

/*
 * Input checks every adapter applies the same way, so that bad input is the same error whichever
 * store runs.
 */

export const MAX_PAGE_LIMIT = 200;

export function pageLimit(limit: number | undefined, fallback = 20): number {
  const value = limit ?? fallback;
  if (!Number.isInteger(value) || value < 1 || value > MAX_PAGE_LIMIT) {
    throw invalidField('limit', `must be an integer from 1 to ${MAX_PAGE_LIMIT}`);
  }
  return value;
}

/** A position in a sequence (messages, turn events): 0 means from the start. */
export function afterSeq(value: number | undefined, field = 'after_seq'): number {
  const seq = value ?? 0;
  if (!Number.isSafeInteger(seq) || seq < 0) throw invalidField(field, 'must be a non-negative integer');
  return seq;
}

/** Message pages: the cursor is the last seq returned. */
export function encodeMessageCursor(seq: number): string {
  return String(seq);
}

export function decodeMessageCursor(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  if (!/^\d{1,15}$/.test(cursor)) throw invalidField('cursor', 'is not a cursor this service issued');
  return Number(cursor);
}

/** Where a session list page ended: lists run by (last activity, id), both descending. */
export interface ListPosition {
  lastActivityAt: number;
  id: string;
}

export function encodeListCursor(session: SessionRecord): string {
  return Buffer.from(JSON.stringify([session.lastActivityAt, session.id])).toString('base64url');
}

export function decodeListCursor(cursor: string | undefined): ListPosition | undefined {
  if (cursor === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && Number.isSafeInteger(value[0]) && typeof value[1] === 'string') {
      return { lastActivityAt: value[0] as number, id: value[1] };
    }
  } catch {
    // falls through to the one error below
  }
  throw invalidField('cursor', 'is not a cursor this service issued');
}

/** True when `session` comes after `position` in list order (newest activity first, then id). */
export function isAfter(session: ListPosition, position: ListPosition | undefined): boolean {
  if (!position) return true;
  if (session.lastActivityAt !== position.lastActivityAt) {
    return session.lastActivityAt < position.lastActivityAt;
  }
  return session.id < position.id;
}

export function compareListOrder(a: ListPosition, b: ListPosition): number {
  if (a.lastActivityAt !== b.lastActivityAt) return b.lastActivityAt - a.lastActivityAt;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** replaceWindow's `throughSeq`: 0 (nothing summarized yet) up to the last message appended. */
export function checkThroughSeq(throughSeq: number, messageCount: number): void {
  if (!Number.isSafeInteger(throughSeq) || throughSeq < 0 || throughSeq > messageCount) {
    throw invalidField('through_seq', `must be an integer from 0 to ${messageCount}`);
  }
}
