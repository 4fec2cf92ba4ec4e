import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { PromptLibrary, RAG_ANSWER, parseTemplate, type PromptFamily } from '../domain/prompt-template.ts';
import type { PromptValues } from '../domain/ports.ts';

/** The prompts shipped with the service: prompts/<family>/<version>.md. */
export const PROMPTS_DIR = join(import.meta.dirname, '../../prompts');

/** Loads every version of one prompt family at start-up; a malformed file stops the process. */
export function loadPromptLibrary(name: 'rag-answer', defaultVersion: string, root?: string): PromptLibrary;
export function loadPromptLibrary<Values>(
  family: PromptFamily<Values>,
  defaultVersion: string,
  root?: string,
): PromptLibrary<Values>;
export function loadPromptLibrary<Values>(
  family: PromptFamily<Values> | 'rag-answer',
  defaultVersion: string,
  root = PROMPTS_DIR,
): PromptLibrary<Values> | PromptLibrary<PromptValues> {
  const chosen = family === 'rag-answer' ? RAG_ANSWER : family;
  const folder = join(root, chosen.name);
  const templates = readdirSync(folder)
    .filter((file) => file.endsWith('.md'))
    .map((file) => parseTemplate(basename(file, '.md'), readFileSync(join(folder, file), 'utf8'), chosen));
  return new PromptLibrary(templates, defaultVersion);
}
