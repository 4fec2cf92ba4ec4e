import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RagfleetError } from '@ragfleet/errors';
import { parseMetricSchema, type MetricSchema } from './metric-schema.ts';
import { parseOutcomeSpec, type OutcomeSpec } from './outcome.ts';

/**
 * A pack: what its subjects measure (the metric schema, which feedback checks snapshots against
 * and rules may read), how outcomes are measured (feedback), and its rules as raw JSON (the
 * scorer parses them against the schema; this package does not know the rule language).
 */
export interface Pack {
  name: string;
  dir: string;
  schema: MetricSchema;
  outcome: OutcomeSpec;
  rules: unknown;
}

/** The packs shipped with ragfleet, by name. */
export const SHIPPED_PACKS: Record<string, string> = {
  lightning: join(import.meta.dirname, '../lightning'),
};

/** A pack folder, validated; throws INVALID_ARGUMENT naming the file and problem. */
export function loadPack(name: string, dir = SHIPPED_PACKS[name]): Pack {
  if (dir === undefined) {
    throw new RagfleetError('INVALID_ARGUMENT', `Unknown pack "${name}"`, {
      details: { pack: name, packs: Object.keys(SHIPPED_PACKS) },
    });
  }
  const schema = parseMetricSchema(readJson(join(dir, 'metric-schema.json')));
  return {
    name,
    dir,
    schema,
    outcome: parseOutcomeSpec(readJson(join(dir, 'outcome.json')), schema),
    rules: readJson(join(dir, 'rules.json')),
  };
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
