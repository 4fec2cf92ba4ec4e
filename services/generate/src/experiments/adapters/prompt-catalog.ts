import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { PROMPTS_DIR } from '../../adapters/prompt-files.ts';
import type { PromptFamilyInfo } from '../domain/prompt-registry.ts';

const PLACEHOLDER = /\{\{\s*([a-z_]+)\s*\}\}/g;

/**
 * What ListPrompts shows of a family's files: each version's variables and a digest of its text.
 * The files were parsed and validated by loadPromptLibrary at start (a bad one stopped the
 * process), so this only describes them. `name` is the family's public name, `folder` its files.
 */
export function describePromptFamily(
  name: string,
  folder: string,
  configDefault: string,
  root = PROMPTS_DIR,
): PromptFamilyInfo {
  const directory = join(root, folder);
  const versions = readdirSync(directory)
    .filter((file) => file.endsWith('.md'))
    .sort()
    .map((file) => {
      const text = readFileSync(join(directory, file), 'utf8');
      const used = text.replace(/<!--[\s\S]*?-->/g, '').matchAll(PLACEHOLDER);
      return {
        version: basename(file, '.md'),
        variables: [...new Set([...used].map((match) => match[1] as string))].sort(),
        digest: createHash('sha256').update(text).digest('hex'),
      };
    });
  return { name, versions, configDefault };
}
