import { mkdir, open, readFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { syncDirectory, writeJsonLinesDurably } from '@ragfleet/durable-json';
import type { JournalEntry } from './journal-entry.ts';
import { MemoryFeedbackStore } from './memory-feedback-store.ts';

const FILE_NAME = 'journal.jsonl';

/**
 * The embedded default (`pnpm start`): the memory store whose every write is first appended to
 * `<dir>/journal.jsonl` and flushed, then applied. Reopening replays the journal, so the
 * measurement schedule (applied records with their due times and claims) survives a restart.
 * On open the journal is compacted to one line per live record, so it grows with the data, not
 * with the number of writes. One process owns a directory: replicas share MongoDB instead.
 */
export class FileFeedbackStore extends MemoryFeedbackStore {
  readonly #dir: string;
  #file: FileHandle | undefined;

  /** `dir` is the service's own directory, e.g. DATA_DIR/feedback. */
  constructor(dir: string) {
    super();
    this.#dir = dir;
  }

  get path(): string {
    return join(this.#dir, FILE_NAME);
  }

  override async open(): Promise<void> {
    await mkdir(this.#dir, { recursive: true });
    for (const entry of await this.#readBack()) this.apply(entry);
    // Rewritten whole (atomically) on every open: compacted, and never appended after a torn
    // line. Activation lives in each version's `active` flag, so live entries rebuild it.
    await writeJsonLinesDurably(this.path, this.liveEntries());
    this.#file = await open(this.path, 'a');
    await syncDirectory(this.#dir);
  }

  override async close(): Promise<void> {
    await super.close();
    await this.#file?.close();
    this.#file = undefined;
  }

  protected override async persist(entry: JournalEntry): Promise<void> {
    if (!this.#file) throw new Error('FileFeedbackStore: open() first');
    await this.#file.write(`${JSON.stringify(entry)}\n`);
    await this.#file.datasync();
  }

  /** The journal's entries; a torn last line (a crash mid-write, never acknowledged) is dropped. */
  async #readBack(): Promise<JournalEntry[]> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const entries: JournalEntry[] = [];
    for (const line of text.split('\n')) {
      if (!line) continue;
      try {
        entries.push(JSON.parse(line) as JournalEntry);
      } catch {
        break;
      }
    }
    return entries;
  }
}
