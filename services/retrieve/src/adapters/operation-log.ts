import { open, readFile, rename, truncate, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { syncDirectory } from '@ragfleet/durable-json';

/**
 * An append-only file of JSON lines, each write fsync'd before it resolves. A torn last line
 * (a crash mid-write) is dropped on replay; damage anywhere else is refused, not guessed at.
 */
export class OperationLog<Op> {
  readonly path: string;
  #handle: FileHandle | undefined;
  #tail: Promise<unknown> = Promise.resolve();

  constructor(path: string) {
    this.path = path;
  }

  /** Reads every complete operation, then opens the file for appending. */
  async replay(): Promise<Op[]> {
    const ops: Op[] = [];
    let content: string;
    try {
      content = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      content = '';
    }
    let goodBytes = 0;
    const lines = content.split('\n');
    for (const [index, line] of lines.entries()) {
      if (line.trim() === '') {
        goodBytes += Buffer.byteLength(line) + (index < lines.length - 1 ? 1 : 0);
        continue;
      }
      try {
        ops.push(JSON.parse(line) as Op);
      } catch (error) {
        const isLast = lines.slice(index + 1).every((rest) => rest.trim() === '');
        if (!isLast)
          throw new Error(`${this.path}: corrupt operation on line ${index + 1}`, { cause: error });
        await truncate(this.path, goodBytes);
        break;
      }
      goodBytes += Buffer.byteLength(line) + 1;
    }
    this.#handle = await open(this.path, 'a');
    return ops;
  }

  /** Appends operations; resolves once they are on disk. Appends run one at a time, in call order. */
  append(...ops: Op[]): Promise<void> {
    const run = this.#tail.then(async () => {
      const handle = this.#requireHandle();
      await handle.write(ops.map((op) => `${JSON.stringify(op)}\n`).join(''));
      await handle.datasync();
    });
    this.#tail = run.catch(() => undefined);
    return run;
  }

  /** Atomically replaces the whole log with these operations (a compacted snapshot). */
  rewrite(ops: Iterable<Op>): Promise<void> {
    const run = this.#tail.then(async () => {
      const temporary = `${this.path}.compacting`;
      const out = await open(temporary, 'w');
      try {
        let buffer = '';
        for (const op of ops) {
          buffer += `${JSON.stringify(op)}\n`;
          if (buffer.length > 1 << 20) {
            await out.write(buffer);
            buffer = '';
          }
        }
        await out.write(buffer);
        await out.sync();
      } finally {
        await out.close();
      }
      await this.#requireHandle().close();
      await rename(temporary, this.path);
      await syncDirectory(dirname(this.path));
      this.#handle = await open(this.path, 'a');
    });
    this.#tail = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    await this.#tail;
    await this.#handle?.close();
    this.#handle = undefined;
  }

  #requireHandle(): FileHandle {
    if (!this.#handle) throw new Error(`${this.path}: log is not open`);
    return this.#handle;
  }
}
