import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { PromptLibrary, parseTemplate } from '../domain/prompt-template.ts';

/** The prompts shipped with the service: prompts/<name>/<version>.md. */
export const PROMPTS_DIR = join(import.meta.dirname, '../../prompts');

/** Loads every version of one prompt at start-up; a malformed file stops the process. */
export function loadPromptLibrary(name: string, defaultVersion: string, root = PROMPTS_DIR): PromptLibrary {
  const folder = join(root, name);
  const templates = readdirSync(folder)
    .filter((file) => file.endsWith('.md'))
    .map((file) => parseTemplate(basename(file, '.md'), readFileSync(join(folder, file), 'utf8')));
  return new PromptLibrary(templates, defaultVersion);
}
