import type { RuleSet } from '../rules/rule-set.ts';

export interface AllowedAction {
  name: string;
  description: string;
  category: string;
}

/**
 * The actions a model may suggest: those the pack's rules know, each once, with the first rule's
 * description and category. A model suggestion outside them cannot be scored against anything
 * an operator recognizes, so it is invalid output.
 */
export function allowedActions(ruleSet: RuleSet): AllowedAction[] {
  const byName = new Map<string, AllowedAction>();
  for (const rule of ruleSet.rules) {
    const name = rule.candidate.action;
    if (!byName.has(name)) byName.set(name, { name, description: rule.description, category: rule.category });
  }
  return [...byName.values()];
}
