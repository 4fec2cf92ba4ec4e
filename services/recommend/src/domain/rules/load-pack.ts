import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RagfleetError } from '@ragfleet/errors';
import type { MetricSchema } from './metric-schema.ts';
import { parseMetricSchema, parseRuleSet, type RuleSet } from './rule-set.ts';

export interface RulePack {
  schema: MetricSchema;
  ruleSet: RuleSet;
}

/** The folder of the shipped Lightning pack. */
export const LIGHTNING_PACK_DIR = join(import.meta.dirname, '../../../packs/lightning');

/** A pack folder (`metric-schema.json`, `rules.json`), validated; the only I/O of the rule engine. */
export function loadRulePack(dir: string): RulePack {
  const schema = parseMetricSchema(readJson(join(dir, 'metric-schema.json')));
  return { schema, ruleSet: parseRuleSet(readJson(join(dir, 'rules.json')), schema) };
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new RagfleetError('INVALID_ARGUMENT', `Cannot read pack file ${file}`, { cause: error });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new RagfleetError('INVALID_ARGUMENT', `Pack file ${file} is not JSON`, { cause: error });
  }
}
