import { z } from 'zod';
import { RagfleetError, fieldDetails, type FieldProblem } from '@ragfleet/errors';
import type { Condition } from './condition.ts';
import { checkCondition } from './check-condition.ts';
import { scopesOf, type MetricSchema } from '@ragfleet/packs';

/**
 * What applying a candidate is expected to do, before any scoring: the revenue change as a
 * fraction (0.1 = +10 %), how many operator steps it takes, its risk 0–1 and the days until it
 * shows. The scorer turns these into factors; merging keeps the stronger of two.
 */
export interface ExpectedEffects {
  revenue_delta_fraction: number;
  effort_steps: number;
  risk: number;
  days_to_value: number;
}

export interface CandidateTemplate {
  action: string;
  /** The target, with `{id}` standing for the item's id in item rules: `channel:{id}`. */
  target: string;
  effects: ExpectedEffects;
}

export interface Rule {
  id: string;
  version: number;
  category: string;
  description: string;
  /** The subject scope (one candidate per subject) or a collection scope (one per matching item). */
  scope: string;
  condition: Condition;
  candidate: CandidateTemplate;
}

export interface RuleSet {
  name: string;
  version: number;
  rules: Rule[];
}

const slug = z.string().regex(/^[a-z][a-z0-9_-]*$/, 'must be lower-case letters, digits, - or _');

const effectsSchema = z.object({
  revenue_delta_fraction: z.number().min(-1).max(10),
  effort_steps: z.number().int().min(0).max(100),
  risk: z.number().min(0).max(1),
  days_to_value: z.number().min(0).max(365),
});

const ruleSchema = z.object({
  id: slug,
  version: z.number().int().min(1),
  category: slug,
  description: z.string().min(10),
  scope: slug,
  condition: z.unknown(),
  candidate: z.object({
    action: slug,
    target: z.string().min(1),
    effects: effectsSchema,
  }),
});

const ruleSetSchema = z.object({
  name: z.string().min(1),
  version: z.number().int().min(1),
  rules: z.array(z.unknown()).min(1),
});

/**
 * A rule set from JSON, checked against the pack's metric schema. Every problem is collected
 * (shape, operators, unknown metrics, scopes, target placeholders, duplicate ids) so that one
 * load names them all; any problem refuses the whole set with INVALID_ARGUMENT and
 * `details.fields`.
 */
export function parseRuleSet(input: unknown, schema: MetricSchema): RuleSet {
  const head = ruleSetSchema.safeParse(input);
  if (!head.success) refuse(zodProblems(head.error, ''));
  const { name, version, rules: rawRules } = head.data;
  const problems: FieldProblem[] = [];
  const scopes = scopesOf(schema);
  const seen = new Map<string, number>();
  const rules: Rule[] = [];
  rawRules.forEach((raw, i) => {
    const at = `rules.${i}`;
    const parsed = ruleSchema.safeParse(raw);
    if (!parsed.success) {
      problems.push(...zodProblems(parsed.error, at));
      return;
    }
    const rule = parsed.data;
    const first = seen.get(rule.id);
    if (first !== undefined) {
      problems.push({ field: `${at}.id`, message: `duplicate id "${rule.id}" (first at rules.${first})` });
    } else seen.set(rule.id, i);
    if (!scopes.includes(rule.scope)) {
      problems.push({ field: `${at}.scope`, message: `unknown scope; use one of ${scopes.join(', ')}` });
      return;
    }
    problems.push(...checkCondition(rule.condition, `${at}.condition`, schema, rule.scope));
    problems.push(
      ...checkTarget(rule.candidate.target, `${at}.candidate.target`, rule.scope !== schema.subjectScope),
    );
    rules.push({ ...rule, condition: rule.condition as Condition });
  });
  if (problems.length > 0) refuse(problems);
  return { name, version, rules };
}

/** The pack's metric schema from JSON, refused the same way as a rule set. */
function checkTarget(target: string, field: string, isItemRule: boolean): FieldProblem[] {
  const placeholders = [...target.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]);
  const unknown = placeholders.filter((p) => p !== 'id');
  if (unknown.length > 0)
    return [{ field, message: `unknown placeholder {${unknown[0]}}; only {id} exists` }];
  if (placeholders.length > 0 && !isItemRule) return [{ field, message: '{id} is only for item rules' }];
  // Without {id}, every matching item would produce the same target and merge into one.
  if (placeholders.length === 0 && isItemRule)
    return [{ field, message: 'an item rule needs {id} in its target' }];
  return [];
}

function zodProblems(error: z.ZodError, prefix: string): FieldProblem[] {
  return error.issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].filter((part) => part !== '').join('.') || '(root)',
    message: issue.message,
  }));
}

function refuse(problems: FieldProblem[]): never {
  const summary = problems.map((p) => `${p.field}: ${p.message}`).join('; ');
  throw new RagfleetError('INVALID_ARGUMENT', `Invalid rule set: ${summary}`, {
    details: fieldDetails(problems),
  });
}
