import { RagfleetError, fieldDetails, type FieldProblem } from '@ragfleet/errors';
import type { PromptFamily } from '../domain/prompt-template.ts';
import type { PromptValues } from '../domain/ports.ts';

/** The specialists a panel may ask for, in the order the proto documents them. */
export const SPECIALISTS = ['answer', 'risks', 'next_questions', 'decision'] as const;
export type SpecialistName = (typeof SPECIALISTS)[number];

const isSpecialist = (name: string): name is SpecialistName =>
  (SPECIALISTS as readonly string[]).includes(name);

/**
 * Each specialist's prompt family: prompts/panel-<name>/<version>.md. They name what rag-answer
 * names (the sealed passages, the question), and each must show both to its model.
 */
const panelFamily = (name: SpecialistName): PromptFamily<PromptValues> => ({
  name: `panel-${name.replace('_', '-')}`,
  placeholders: ['context', 'passages', 'question'],
  required: ['passages', 'question'],
});

export const PANEL_FAMILIES: Record<SpecialistName, PromptFamily<PromptValues>> = {
  answer: panelFamily('answer'),
  risks: panelFamily('risks'),
  next_questions: panelFamily('next_questions'),
  decision: panelFamily('decision'),
};

/** The most specialists one panel runs: each is a model call, run at once. */
export const MAX_PANEL_SIZE = SPECIALISTS.length;

/**
 * The request's panel as known specialists, in the order asked; an unknown or repeated name is
 * INVALID_ARGUMENT naming its position (panel.2), so the caller knows which one to fix.
 */
export function parsePanel(names: readonly string[]): SpecialistName[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  for (const [position, raw] of names.entries()) {
    const name = raw.trim();
    if (!isSpecialist(name)) {
      problems.push({
        field: `panel.${position}`,
        message: `unknown specialist "${raw}" (known: ${SPECIALISTS.join(', ')})`,
      });
    } else if (seen.has(name)) {
      problems.push({ field: `panel.${position}`, message: `specialist "${name}" is asked for twice` });
    }
    seen.add(name);
  }
  if (problems.length > 0) {
    throw new RagfleetError(
      'INVALID_ARGUMENT',
      `invalid panel: ${problems.map((problem) => `${problem.field}: ${problem.message}`).join('; ')}`,
      { details: fieldDetails(problems, { allowed: [...SPECIALISTS] }) },
    );
  }
  return names.map((name) => name.trim() as SpecialistName);
}
