import { loadPack, type MetricSchema } from '@ragfleet/packs';
import { parseRuleSet, type RuleSet } from './rule-set.ts';

export interface RulePack {
  name: string;
  schema: MetricSchema;
  ruleSet: RuleSet;
}

/** A pack's rules parsed against its metric schema (INVALID_ARGUMENT naming every problem). */
export function loadRulePack(name: string, dir?: string): RulePack {
  const pack = loadPack(name, dir);
  return { name, schema: pack.schema, ruleSet: parseRuleSet(pack.rules, pack.schema) };
}
