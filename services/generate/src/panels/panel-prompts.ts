import { loadPromptLibrary } from '../adapters/prompt-files.ts';
import type { PromptLibrary } from '../domain/prompt-template.ts';
import type { PromptValues } from '../domain/ports.ts';
import { PANEL_FAMILIES, SPECIALISTS, type SpecialistName } from './panel-specialists.ts';

/**
 * Every specialist's templates, loaded and checked at start-up (a missing placeholder or version
 * stops the process, not a request). One version name for all four: a panel's prompts change
 * together.
 */
export function loadPanelPrompts(
  version: string,
  root?: string,
): Record<SpecialistName, PromptLibrary<PromptValues>> {
  const load = (name: SpecialistName) => loadPromptLibrary(PANEL_FAMILIES[name], version, root);
  return Object.fromEntries(SPECIALISTS.map((name) => [name, load(name)])) as Record<
    SpecialistName,
    PromptLibrary<PromptValues>
  >;
}
