import { compare, isComparisonOperator, type Condition } from './condition.ts';
import { pathsOf } from './check-condition.ts';
import type { MetricSchema } from '@ragfleet/packs';
import type { ExpectedEffects, Rule, RuleSet } from './rule-set.ts';
import type { SubjectMetrics } from '@ragfleet/packs';

/** A thing to recommend, before scoring, with what made rules propose it. */
export interface Candidate {
  action: string;
  target: string;
  /** The category of the first rule; `ruleIds` lists every rule that said the same thing. */
  category: string;
  ruleIds: string[];
  effects: ExpectedEffects;
  /** The metric values each firing rule read, by path (`channel.local_ratio`: 0.12). */
  inputs: Record<string, number>;
}

/**
 * Three-valued truth: a metric missing from the snapshot makes a comparison unknown, and an
 * unknown condition does not fire, so a rule never recommends on data it does not have (`not`
 * over a missing metric stays unknown instead of turning true).
 */
type Truth = true | false | undefined;

type Lookup = (path: string) => number | undefined;

function truthOf(condition: Condition, lookup: Lookup): Truth {
  const [op, operand] = Object.entries(condition)[0] as [string, unknown];
  if (op === 'all' || op === 'any') {
    const values = (operand as Condition[]).map((c) => truthOf(c, lookup));
    const decisive = op === 'all' ? false : true;
    if (values.includes(decisive)) return decisive;
    return values.includes(undefined) ? undefined : !decisive;
  }
  if (op === 'not') {
    const inner = truthOf(operand as Condition, lookup);
    return inner === undefined ? undefined : !inner;
  }
  if (!isComparisonOperator(op)) return undefined;
  const [leftPath, rightSide] = operand as [string, number | string];
  const left = lookup(leftPath);
  const right = typeof rightSide === 'number' ? rightSide : lookup(rightSide);
  if (left === undefined || right === undefined) return undefined;
  return compare(op, left, right);
}

function readable(value: number | undefined): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Every rule over a subject's latest metrics: one candidate per matching rule and target, unmerged. */
export function fireRules(ruleSet: RuleSet, schema: MetricSchema, metrics: SubjectMetrics): Candidate[] {
  const candidates: Candidate[] = [];
  const subjectPrefix = `${schema.subjectScope}.`;
  for (const rule of ruleSet.rules) {
    const paths = pathsOf(rule.condition);
    const fire = (itemId: string | undefined, item: Record<string, number> | undefined) => {
      const lookup: Lookup = (path) =>
        path.startsWith(subjectPrefix)
          ? readable(metrics.subject[path.slice(subjectPrefix.length)])
          : readable(item?.[path.slice(rule.scope.length + 1)]);
      if (truthOf(rule.condition, lookup) !== true) return;
      candidates.push(candidateOf(rule, itemId, paths, lookup));
    };
    if (rule.scope === schema.subjectScope) fire(undefined, undefined);
    else for (const item of metrics.collections[rule.scope] ?? []) fire(item.id, item.metrics);
  }
  return candidates;
}

function candidateOf(rule: Rule, itemId: string | undefined, paths: string[], lookup: Lookup): Candidate {
  const inputs: Record<string, number> = {};
  for (const path of paths) {
    const value = lookup(path);
    if (value !== undefined) inputs[path] = value;
  }
  return {
    action: rule.candidate.action,
    target: itemId === undefined ? rule.candidate.target : rule.candidate.target.replaceAll('{id}', itemId),
    category: rule.category,
    ruleIds: [rule.id],
    effects: { ...rule.candidate.effects },
    inputs,
  };
}

/**
 * Candidates that say the same thing (same action on the same target) as one: both rule ids, all
 * inputs, and the stronger of each expected effect (more revenue, fewer steps, less risk, sooner).
 * Order is that of first appearance, so output is stable for a given rule set.
 */
export function mergeCandidates(candidates: Candidate[]): Candidate[] {
  const byKey = new Map<string, Candidate>();
  for (const candidate of candidates) {
    const key = `${candidate.action}\u0000${candidate.target}`;
    const kept = byKey.get(key);
    if (kept === undefined) {
      byKey.set(key, { ...candidate, ruleIds: [...candidate.ruleIds], effects: { ...candidate.effects } });
      continue;
    }
    for (const id of candidate.ruleIds) if (!kept.ruleIds.includes(id)) kept.ruleIds.push(id);
    kept.inputs = { ...kept.inputs, ...candidate.inputs };
    kept.effects = {
      revenue_delta_fraction: Math.max(
        kept.effects.revenue_delta_fraction,
        candidate.effects.revenue_delta_fraction,
      ),
      effort_steps: Math.min(kept.effects.effort_steps, candidate.effects.effort_steps),
      risk: Math.min(kept.effects.risk, candidate.effects.risk),
      days_to_value: Math.min(kept.effects.days_to_value, candidate.effects.days_to_value),
    };
  }
  return [...byKey.values()];
}

/** Rules × metrics → merged candidates: what the scorer receives from the rule engine. */
export function evaluateRules(ruleSet: RuleSet, schema: MetricSchema, metrics: SubjectMetrics): Candidate[] {
  return mergeCandidates(fireRules(ruleSet, schema, metrics));
}
