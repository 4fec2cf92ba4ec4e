import type { Logger } from '@ragfleet/telemetry';
import type { Answerer, HistoryMessage } from '../answerer.ts';
import type { MessageRecord, SessionRef } from '../records.ts';
import type { SessionStore } from '../session-store.ts';
import { MAX_PAGE_LIMIT } from '../store-inputs.ts';
import type { TurnObserver } from './turn-observer.ts';

export interface RollingSummaryOptions {
  store: SessionStore;
  answerer: Answerer;
  observer: TurnObserver;
  logger: Logger;
  /** SESSION_SUMMARY_ENABLED; off, the oldest messages beyond the window are dropped unsummarized. */
  enabled: boolean;
  /** Summarize once the window holds this many messages (45). */
  triggerMessages: number;
  /** How many of the oldest are folded each time (15). */
  batchMessages: number;
  /** The window never keeps more (50): with summaries off, or while they fail. */
  windowMessages: number;
  maxWords: number;
  timeoutMs: number;
}

/** The messages still in the window, oldest first (a few pages at most: the window is bounded). */
export async function windowOf(store: SessionStore, ref: SessionRef): Promise<MessageRecord[]> {
  const messages: MessageRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.messages(ref, { limit: MAX_PAGE_LIMIT, ...(cursor ? { cursor } : {}) });
    messages.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return messages;
}

const toHistory = (message: MessageRecord): HistoryMessage => ({
  role: message.role,
  content: message.content,
});

/**
 * Keeps a conversation's cost flat: once the window reaches the trigger, its oldest messages are
 * folded, with the previous summary, into a new summary (generate's Summarize), and leave the
 * window in the same store write. Runs after a turn has ended, never inside one.
 */
export class RollingSummary {
  readonly #options: RollingSummaryOptions;
  /**
   * Sessions being summarized in this process, one fold at a time per session; true when turns
   * ended meanwhile, so the window is looked at again once the fold is written.
   */
  readonly #folding = new Map<string, boolean>();

  constructor(options: RollingSummaryOptions) {
    this.#options = options;
  }

  /**
   * Reads the window afresh: the turn's own copy is stale once another turn (here or on another
   * replica) has folded it, and folding a stale batch would summarize messages twice.
   */
  async afterTurn(ref: SessionRef): Promise<void> {
    if (this.#folding.has(ref.sessionId)) {
      this.#folding.set(ref.sessionId, true);
      return;
    }
    try {
      do {
        this.#folding.set(ref.sessionId, false);
        await this.#check(ref);
      } while (this.#folding.get(ref.sessionId));
    } finally {
      this.#folding.delete(ref.sessionId);
    }
  }

  async #check(ref: SessionRef): Promise<void> {
    const { store, enabled, triggerMessages, batchMessages, windowMessages } = this.#options;
    const { summary } = await store.get(ref);
    const window = await windowOf(store, ref);
    if (enabled && window.length >= triggerMessages) {
      await this.#fold(ref, window.slice(0, batchMessages), summary);
    } else if (window.length > windowMessages) {
      // No summary to fold into (off) or none yet (failing): the window still has a bound.
      const through = window[window.length - windowMessages - 1] as MessageRecord;
      await store.replaceWindow(ref, { summary, throughSeq: through.seq });
    }
  }

  async #fold(ref: SessionRef, oldest: readonly MessageRecord[], previousSummary: string): Promise<void> {
    const { store, answerer, observer, logger, maxWords, timeoutMs } = this.#options;
    const through = oldest.at(-1);
    if (!through) return;
    // A question whose turn failed has no answer to remember.
    const messages = oldest.filter((m) => m.status !== 'failed' && m.status !== 'running').map(toHistory);
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1_000;
    try {
      const result =
        messages.length > 0
          ? await answerer.summarize({ previousSummary, messages, maxWords }, AbortSignal.timeout(timeoutMs))
          : undefined;
      await store.replaceWindow(ref, {
        summary: result?.summary ?? previousSummary,
        throughSeq: through.seq,
      });
      observer.summarized(result?.extractive === false ? 'model' : 'extractive', 'ok', seconds(), {
        input: result?.inputTokens ?? 0,
        output: result?.outputTokens ?? 0,
      });
    } catch (error) {
      // The window stays as it was; the next turn tries again.
      observer.summarized('model', 'failed', seconds(), { input: 0, output: 0 });
      logger.warn({ err: error, sessionId: ref.sessionId }, 'session summary failed');
    }
  }
}
