import type { SuggestResult } from '../ports.ts';
import type { AllowedAction } from './allowed-actions.ts';
import { parseModelOutput, type DropReason } from './model-output.ts';
import { sameThingKey } from './recommendation.ts';
import type { ProducedCandidate } from './rule-candidates.ts';

export interface ModelCandidates {
  produced: ProducedCandidate[];
  dropped: DropReason[];
  /** Suggestions that said what a rule (or an earlier suggestion) already said. */
  merged: number;
}

/**
 * The model's suggestions as candidates: only valid ones (see parseModelOutput), each grounded
 * in the documents generate cited. One that repeats a rule candidate (same action and target)
 * is merged into it: the rule's was already sent with its id and its measured inputs.
 */
export function modelCandidates(
  result: SuggestResult,
  actions: readonly AllowedAction[],
  alreadySaid: ReadonlySet<string>,
): ModelCandidates {
  const parsed = parseModelOutput(result.text, actions);
  const grounding = [...new Set(result.documentIds.filter((id) => id !== ''))];
  const seen = new Set(alreadySaid);
  const produced: ProducedCandidate[] = [];
  let merged = 0;
  for (const suggestion of parsed.suggestions) {
    const key = sameThingKey(suggestion.action, suggestion.target);
    if (seen.has(key)) {
      merged += 1;
      continue;
    }
    seen.add(key);
    const { action, category, target, rationale, ...effects } = suggestion;
    produced.push({
      candidate: { id: `${action} ${target}`, category, action, target, effects },
      origin: { description: rationale, source: 'model', ruleIds: [], inputs: {}, grounding },
    });
  }
  return { produced, dropped: parsed.dropped, merged };
}
