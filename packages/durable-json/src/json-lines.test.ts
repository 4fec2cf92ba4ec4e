import { describe, expect, it } from '@jest/globals';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readJsonLinesIfPresent, writeJsonLinesDurably } from './durable-json.ts';

async function collect<T>(values: AsyncIterable<T> | undefined): Promise<T[] | undefined> {
  if (!values) return undefined;
  const all: T[] = [];
  for await (const value of values) all.push(value);
  return all;
}

describe('JSON Lines files', () => {
  it('round-trip many values, written in buffered pieces, with no temporary file left', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ragfleet-jsonl-'));
    try {
      // Past the 1 MiB write buffer several times, with text that needs escaping.
      const values = Array.from({ length: 30_000 }, (_, i) => ({ i, text: `line "${i}"\n\u00e9`.repeat(3) }));
      const path = join(dir, 'values.jsonl');
      await writeJsonLinesDurably(path, values);
      expect(await collect(await readJsonLinesIfPresent(path))).toEqual(values);
      expect((await readFile(path, 'utf8')).split('\n')).toHaveLength(values.length + 1);
      expect(await readdir(dir)).toEqual(['values.jsonl']);

      // A second write replaces the first whole.
      await writeJsonLinesDurably(path, [{ only: true }]);
      expect(await collect(await readJsonLinesIfPresent(path))).toEqual([{ only: true }]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reads nothing from a file that is not there, and fails on a line that is not JSON', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ragfleet-jsonl-'));
    try {
      expect(await readJsonLinesIfPresent(join(dir, 'absent.jsonl'))).toBeUndefined();
      const broken = join(dir, 'broken.jsonl');
      await writeFile(broken, '{"a":1}\n{"a":\n');
      await expect(collect(await readJsonLinesIfPresent(broken))).rejects.toThrow(SyntaxError);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
