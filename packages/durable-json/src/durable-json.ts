import { randomUUID } from 'node:crypto';
import { open, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';

/** Makes a rename durable: the directory entry itself must reach the disk. */
export async function syncDirectory(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Replaces `path` with `value` as JSON so that a crash leaves either the old file or the new one:
 * written to a temporary file and flushed, renamed over the old one, then the directory synced.
 */
export async function writeJsonDurably(path: string, value: unknown): Promise<void> {
  const temporary = `${path}.${randomUUID()}.tmp`;
  await writeFile(temporary, JSON.stringify(value), { flush: true });
  await rename(temporary, path);
  await syncDirectory(dirname(path));
}

/** The parsed JSON at `path`, or undefined when there is no such file yet. */
export async function readJsonIfPresent<T>(path: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Bytes gathered before one write: few system calls, and never one string near V8's limit. */
const LINES_BUFFER_BYTES = 1 << 20;

/**
 * Like writeJsonDurably, for values too many to be one JSON string (V8 caps a string at about
 * 512 MB: a BM25 index of a million chunks is more): one JSON value per line, written as they
 * come.
 */
export async function writeJsonLinesDurably(path: string, values: Iterable<unknown>): Promise<void> {
  const temporary = `${path}.${randomUUID()}.tmp`;
  const file = await open(temporary, 'w');
  try {
    let pending: string[] = [];
    let bytes = 0;
    for (const value of values) {
      const line = `${JSON.stringify(value)}\n`;
      pending.push(line);
      bytes += line.length;
      if (bytes >= LINES_BUFFER_BYTES) {
        await file.write(pending.join(''));
        pending = [];
        bytes = 0;
      }
    }
    if (pending.length > 0) await file.write(pending.join(''));
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(temporary, path);
  await syncDirectory(dirname(path));
}

/** The values of a file written by writeJsonLinesDurably, in order; undefined when there is none. */
export async function readJsonLinesIfPresent<T>(path: string): Promise<AsyncIterable<T> | undefined> {
  const handle = await open(path, 'r').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (!handle) return undefined;
  const lines = createInterface({
    input: handle.createReadStream({ encoding: 'utf8' }),
    crlfDelay: Infinity,
  });
  return (async function* () {
    try {
      for await (const line of lines) if (line) yield JSON.parse(line) as T;
    } finally {
      lines.close();
      await handle.close().catch(() => undefined);
    }
  })();
}
