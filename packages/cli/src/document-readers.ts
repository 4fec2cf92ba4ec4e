import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, extname, relative, resolve, sep } from 'node:path';
import { CliError } from './cli-error.ts';

/** A document as the gateway's POST /v1/documents takes it. */
export interface SourceDocument {
  id: string;
  text: string;
  title?: string;
  metadata?: Record<string, string>;
}

const READERS = {
  '.txt': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.jsonl': 'jsonl',
} as const;

type Format = (typeof READERS)[keyof typeof READERS];

function formatOf(file: string): Format | undefined {
  return READERS[extname(file).toLowerCase() as keyof typeof READERS];
}

/** Folders never worth ingesting when walking a directory. */
function skipped(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

async function walk(directory: string, found: string[]): Promise<void> {
  const entries = await readdir(directory, { withFileTypes: true });
  for (const entry of entries) {
    if (skipped(entry.name)) continue;
    const path = resolve(directory, entry.name);
    if (entry.isDirectory()) await walk(path, found);
    else if (entry.isFile() && formatOf(entry.name)) found.push(path);
  }
}

/**
 * The files to ingest, as absolute paths in a stable order. Directories are walked for the
 * supported formats; a file named explicitly must be one of them.
 */
export async function collectFiles(inputs: string[], cwd = process.cwd()): Promise<string[]> {
  const found: string[] = [];
  for (const input of inputs) {
    const path = resolve(cwd, input);
    const info = await stat(path).catch(() => undefined);
    if (!info) throw new CliError(`no such file or directory: ${input}`);
    if (info.isDirectory()) await walk(path, found);
    else if (formatOf(path)) found.push(path);
    else throw new CliError(`unsupported file type: ${input} (use .txt, .md or .jsonl)`);
  }
  return [...new Set(found)].sort();
}

/** The text of the first ATX heading (`# Title`), if any. */
export function markdownTitle(text: string): string | undefined {
  for (const line of text.split(/\r?\n/)) {
    const match = /^ {0,3}#{1,6}\s+(.+?)(?:\s+#+)?\s*$/.exec(line);
    if (match?.[1]) return match[1];
  }
  return undefined;
}

function isStringMap(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((entry) => typeof entry === 'string')
  );
}

/** One `{ id, text, title?, metadata? }` per line; blank lines are ignored; errors name the line. */
export function parseJsonl(text: string, label: string): SourceDocument[] {
  const documents: SourceDocument[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    const where = `${label}:${index + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new CliError(`${where}: not valid JSON`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new CliError(`${where}: expected an object with "id" and "text"`);
    }
    const { id, text: body, title, metadata } = value as Record<string, unknown>;
    if (typeof id !== 'string' || id === '') throw new CliError(`${where}: "id" must be a non-empty string`);
    if (typeof body !== 'string') throw new CliError(`${where}: "text" must be a string`);
    if (title !== undefined && typeof title !== 'string')
      throw new CliError(`${where}: "title" must be a string`);
    if (metadata !== undefined && !isStringMap(metadata)) {
      throw new CliError(`${where}: "metadata" must map strings to strings`);
    }
    documents.push({ id, text: body, ...(title !== undefined && { title }), ...(metadata && { metadata }) });
  });
  return documents;
}

/** The id of a file's document: its path relative to the working directory, with forward slashes. */
export function documentId(file: string, cwd = process.cwd()): string {
  return relative(cwd, file).split(sep).join('/');
}

/** The documents in one file: one for .txt and .md, one per line for .jsonl. */
export async function readDocuments(file: string, cwd = process.cwd()): Promise<SourceDocument[]> {
  const format = formatOf(file);
  const text = await readFile(file, 'utf8');
  const id = documentId(file, cwd);
  switch (format) {
    case 'jsonl':
      return parseJsonl(text, id);
    case 'markdown':
      return [{ id, text, title: markdownTitle(text) ?? basename(file), metadata: { format: 'markdown' } }];
    case 'text':
      return [{ id, text, title: basename(file), metadata: { format: 'text' } }];
    default:
      throw new CliError(`unsupported file type: ${file}`);
  }
}
