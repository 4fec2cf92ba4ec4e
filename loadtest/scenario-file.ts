// Reads scenarios.json for the runner and refuses a file whose scenarios or thresholds the runner
// could not honour, before any load is sent.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RagfleetError } from '../packages/errors/src/index.ts';
import { SCENARIO_NAMES, type Scenario, type ScenarioFile } from './scenario-types.ts';
import { parseThreshold } from './thresholds.ts';

export const SCENARIO_FILE = join(import.meta.dirname, 'scenarios.json');

const invalid = (message: string) => new RagfleetError('INVALID_ARGUMENT', `scenarios.json: ${message}`);

function positive(value: unknown, where: string, integer = false): void {
  if (typeof value !== 'number' || !(value > 0) || (integer && !Number.isInteger(value)))
    throw invalid(`${where} must be a positive ${integer ? 'integer' : 'number'}`);
}

function checkScenario(name: string, scenario: Scenario): void {
  if (!/^(GET|POST) \/\S+$/.test(scenario.route ?? '')) throw invalid(`${name}.route must be "METHOD /path"`);
  if (typeof scenario.body !== 'object' || scenario.body === null)
    throw invalid(`${name}.body must be an object`);
  // Whole requests a second, as k6's constant-arrival-rate takes them (per timeUnit of 1 s).
  positive(scenario.load?.rate, `${name}.load.rate`, true);
  positive(scenario.load?.duration, `${name}.load.duration`);
  positive(scenario.load?.maxInFlight, `${name}.load.maxInFlight`, true);
  for (const [field, value] of Object.entries(scenario.short ?? {}))
    positive(value, `${name}.short.${field}`, field !== 'duration');
  const thresholds = Object.entries(scenario.thresholds ?? {});
  if (thresholds.length === 0) throw invalid(`${name} has no thresholds`);
  for (const [metric, expressions] of thresholds) {
    if (!Array.isArray(expressions) || expressions.length === 0)
      throw invalid(`${name}.thresholds.${metric} must be a list of expressions`);
    for (const expression of expressions) parseThreshold(String(expression));
  }
  for (const metric of Object.keys(scenario.k6Cannot ?? {}))
    if (!(metric in scenario.thresholds)) throw invalid(`${name}.k6Cannot.${metric} names no threshold`);
}

export function readScenarioFile(file = SCENARIO_FILE): ScenarioFile {
  let parsed: ScenarioFile;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as ScenarioFile;
  } catch (error) {
    throw invalid(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  for (const field of [
    'queries',
    'corpusDocuments',
    'shortCorpusDocuments',
    'ingestDocumentsPerRequest',
  ] as const)
    positive(parsed.inputs?.[field], `inputs.${field}`, true);
  for (const name of SCENARIO_NAMES) {
    const scenario = parsed.scenarios?.[name];
    if (!scenario) throw invalid(`scenario ${name} is missing`);
    checkScenario(name, scenario);
  }
  const unknown = Object.keys(parsed.scenarios).filter(
    (name) => !(SCENARIO_NAMES as readonly string[]).includes(name),
  );
  if (unknown.length > 0) throw invalid(`unknown scenarios ${unknown.join(', ')} (no script runs them)`);
  return parsed;
}
