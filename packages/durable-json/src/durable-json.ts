import { randomUUID } from 'node:crypto';
import { open, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

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
