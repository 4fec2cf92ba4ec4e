import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { batches } from './batches.ts';
import { collectFiles, markdownTitle, parseJsonl, readDocuments } from './document-readers.ts';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'ragfleet-cli-'));
  await mkdir(join(root, 'docs/nested'), { recursive: true });
  await mkdir(join(root, 'docs/.hidden'));
  await mkdir(join(root, 'docs/node_modules'));
  await writeFile(join(root, 'docs/guide.md'), 'Intro line\n\n## Getting started ##\n\n# Later heading\n');
  await writeFile(join(root, 'docs/plain.md'), 'no heading here\n');
  await writeFile(join(root, 'docs/nested/notes.txt'), 'some notes');
  await writeFile(
    join(root, 'docs/nested/corpus.jsonl'),
    '{"id":"c1","text":"one","title":"T1"}\n\n{"id":"c2","text":"two","metadata":{"y":"2"}}\n',
  );
  await writeFile(join(root, 'docs/image.png'), 'binary');
  await writeFile(join(root, 'docs/.hidden/secret.md'), '# no');
  await writeFile(join(root, 'docs/node_modules/dep.md'), '# no');
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('collectFiles', () => {
  it('walks directories for supported files, skipping hidden folders and node_modules', async () => {
    const files = await collectFiles(['docs'], root);
    expect(files.map((file) => file.slice(root.length + 1))).toEqual([
      'docs/guide.md',
      'docs/nested/corpus.jsonl',
      'docs/nested/notes.txt',
      'docs/plain.md',
    ]);
  });

  it('does not list a file twice when named directly and through its folder', async () => {
    const files = await collectFiles(['docs/nested', 'docs/nested/notes.txt'], root);
    expect(files).toHaveLength(2);
  });

  it('refuses missing paths and unsupported files by name', async () => {
    await expect(collectFiles(['nope'], root)).rejects.toThrow('no such file or directory: nope');
    await expect(collectFiles(['docs/image.png'], root)).rejects.toThrow(
      'unsupported file type: docs/image.png',
    );
  });
});

describe('readDocuments', () => {
  it('reads markdown with its first heading as title and the relative path as id', async () => {
    expect(await readDocuments(join(root, 'docs/guide.md'), root)).toEqual([
      {
        id: 'docs/guide.md',
        text: 'Intro line\n\n## Getting started ##\n\n# Later heading\n',
        title: 'Getting started',
        metadata: { format: 'markdown' },
      },
    ]);
  });

  it('falls back to the file name for a title', async () => {
    const [markdown] = await readDocuments(join(root, 'docs/plain.md'), root);
    expect(markdown?.title).toBe('plain.md');
    const [text] = await readDocuments(join(root, 'docs/nested/notes.txt'), root);
    expect(text).toEqual({
      id: 'docs/nested/notes.txt',
      text: 'some notes',
      title: 'notes.txt',
      metadata: { format: 'text' },
    });
  });

  it('reads one document per JSONL line', async () => {
    expect(await readDocuments(join(root, 'docs/nested/corpus.jsonl'), root)).toEqual([
      { id: 'c1', text: 'one', title: 'T1' },
      { id: 'c2', text: 'two', metadata: { y: '2' } },
    ]);
  });
});

describe('markdownTitle', () => {
  it('takes ATX headings only, up to three spaces of indent', () => {
    expect(markdownTitle('   ### Deep  ')).toBe('Deep');
    expect(markdownTitle('    # code block\n#NoSpace\n# Real')).toBe('Real');
    expect(markdownTitle('plain')).toBeUndefined();
  });
});

describe('parseJsonl', () => {
  it.each([
    ['{"id":"a"', 'f.jsonl:1: not valid JSON'],
    ['[1]', 'f.jsonl:1: expected an object'],
    ['{"text":"x"}', 'f.jsonl:1: "id" must be a non-empty string'],
    ['\n{"id":"a","text":5}', 'f.jsonl:2: "text" must be a string'],
    ['{"id":"a","text":"x","title":1}', 'f.jsonl:1: "title" must be a string'],
    ['{"id":"a","text":"x","metadata":{"n":1}}', 'f.jsonl:1: "metadata" must map strings to strings'],
  ])('names the line of a bad record: %s', (content, message) => {
    expect(() => parseJsonl(content, 'f.jsonl')).toThrow(message);
  });
});

describe('batches', () => {
  const doc = (id: string, size: number) => ({ id, text: 'x'.repeat(size) });

  it('splits by document count and by bytes, never leaving a batch empty', () => {
    const byCount = [...batches([doc('a', 1), doc('b', 1), doc('c', 1)], { maxDocuments: 2, maxBytes: 1e6 })];
    expect(byCount.map((batch) => batch.map((d) => d.id))).toEqual([['a', 'b'], ['c']]);
    const bySize = [
      ...batches([doc('a', 600), doc('b', 600), doc('c', 5000)], { maxDocuments: 100, maxBytes: 1000 }),
    ];
    expect(bySize.map((batch) => batch.map((d) => d.id))).toEqual([['a'], ['b'], ['c']]);
  });
});
