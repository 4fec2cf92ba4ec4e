import type { SubjectMetrics } from '@ragfleet/packs';
import { pathsOf } from '../rules/check-condition.ts';
import { fireRules, mergeCandidates } from '../rules/evaluate.ts';
import type { RulePack } from '../rules/load-pack.ts';
import type { Candidate } from '../scoring/types.ts';
import { sameThingKey, type CandidateOrigin } from './recommendation.ts';

export interface ProducedCandidate {
  candidate: Candidate;
  origin: CandidateOrigin;
}

export interface RuleCandidates {
  produced: ProducedCandidate[];
  /** Firings merged into another that said the same thing. */
  merged: number;
}

/**
 * The rule engine's candidates in the scorer's terms. A rule's effects map one to one
 * (effort_steps → steps); its inputs are the metric paths its condition reads: expected = every
 * path of every rule merged into the candidate, present = those the snapshot had a value for,
 * so that data_confidence and the confidence fall when a rule fired on partial data.
 */
export function ruleCandidates(pack: RulePack, metrics: SubjectMetrics): RuleCandidates {
  const fired = fireRules(pack.ruleSet, pack.schema, metrics);
  const merged = mergeCandidates(fired);
  const rules = new Map(pack.ruleSet.rules.map((rule) => [rule.id, rule]));
  const produced = merged.map((found) => {
    const expected = new Set(found.ruleIds.flatMap((id) => pathsOf(rules.get(id)?.condition)));
    const present = [...expected].filter((path) => found.inputs[path] !== undefined).length;
    const description = found.ruleIds.map((id) => rules.get(id)?.description ?? id).join(' ');
    return {
      candidate: {
        id: sameThingKey(found.action, found.target).replace('\u0000', ' '),
        category: found.category,
        action: found.action,
        target: found.target,
        effects: {
          revenueDeltaFraction: found.effects.revenue_delta_fraction,
          steps: found.effects.effort_steps,
          risk: found.effects.risk,
          daysToValue: found.effects.days_to_value,
          inputsPresent: present,
          inputsExpected: expected.size,
        },
      },
      origin: {
        description,
        source: 'rule' as const,
        ruleIds: found.ruleIds,
        inputs: found.inputs,
        grounding: [],
      },
    };
  });
  return { produced, merged: fired.length - merged.length };
}
