import { mkdir, open, readFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { syncDirectory } from '@ragfleet/durable-json';
import { matches, usageGroups } from './usage-groups.ts';
import type { LedgerEntry, UsageGroup, UsageLedger, UsageQuery } from './usage-ledger.ts';

const FILE_NAME = 'ledger.jsonl';

/**
 * The embedded ledger: one JSON line per generation in `<dir>/ledger.jsonl`, flushed to disk
 * before append resolves (the consumer acks an event only then, so an acked event is never lost),
 * and read back whole on open. Entries are also held in memory: queries fold them there.
 */
export class FileLedger implements UsageLedger {
  readonly #dir: string;
  #file: FileHandle | undefined;
  #entries: LedgerEntry[] = [];
  readonly #ids = new Set<string>();
  /** Appends run one after another: the id check and the write must not interleave. */
  #tail: Promise<unknown> = Promise.resolve();

  /** `dir` is the router's own directory, e.g. DATA_DIR/router. */
  constructor(dir: string) {
    this.#dir = dir;
  }

  get path(): string {
    return join(this.#dir, FILE_NAME);
  }

  async open(): Promise<void> {
    await mkdir(this.#dir, { recursive: true });
    const { entries, validBytes, totalBytes } = await this.#readBack();
    for (const entry of entries) this.#remember(entry);
    this.#file = await open(this.path, 'a+');
    // A crash in the middle of a write leaves a torn last line: drop it (its event was never
    // acked, so it comes again) so that the next line starts clean.
    if (validBytes < totalBytes) await this.#file.truncate(validBytes);
    await this.#file.sync();
    await syncDirectory(this.#dir);
  }

  append(entry: LedgerEntry): Promise<boolean> {
    const done = this.#tail.then(() => this.#write(entry));
    this.#tail = done.catch(() => undefined);
    return done;
  }

  async query(query: UsageQuery): Promise<UsageGroup[]> {
    return usageGroups(
      this.#entries.filter((entry) => matches(entry, query)),
      query.groupBy,
    );
  }

  async close(): Promise<void> {
    await this.#tail;
    await this.#file?.close();
    this.#file = undefined;
  }

  async #write(entry: LedgerEntry): Promise<boolean> {
    if (!this.#file) throw new Error('FileLedger: open() first');
    if (this.#ids.has(entry.generationId)) return false;
    await this.#file.write(`${JSON.stringify(entry)}\n`);
    await this.#file.datasync();
    this.#remember(entry);
    return true;
  }

  #remember(entry: LedgerEntry): void {
    if (this.#ids.has(entry.generationId)) return;
    this.#ids.add(entry.generationId);
    this.#entries.push(entry);
  }

  async #readBack(): Promise<{ entries: LedgerEntry[]; validBytes: number; totalBytes: number }> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        return { entries: [], validBytes: 0, totalBytes: 0 };
      throw error;
    }
    const totalBytes = Buffer.byteLength(text);
    const complete = text.slice(0, text.lastIndexOf('\n') + 1);
    const entries: LedgerEntry[] = [];
    for (const line of complete.split('\n')) {
      if (!line) continue;
      const entry = JSON.parse(line) as Omit<LedgerEntry, 'task'> & { task?: string };
      // Lines written before tasks were recorded are answers.
      entries.push({ ...entry, task: entry.task ?? 'answer' });
    }
    return { entries, validBytes: Buffer.byteLength(complete), totalBytes };
  }
}
