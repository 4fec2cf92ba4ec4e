import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readScenarioFile, SCENARIO_FILE } from '../../loadtest/scenario-file.ts';
import { effectiveLoad, SCENARIO_NAMES } from '../../loadtest/scenario-types.ts';

const K6_DIR = join(import.meta.dirname, '../../loadtest/k6');
const K6_SCRIPTS = {
  search: 'search.ts',
  rag_stream: 'rag-stream.ts',
  ingest: 'ingest.ts',
  ws_ask: 'ws-ask.ts',
};
/** Metrics k6 records itself: a script declares none of them. */
const K6_BUILTIN = new Set(['dropped_iterations', 'checks', 'http_req_duration', 'http_req_failed']);

const written = (content: unknown) => {
  const file = join(mkdtempSync(join(tmpdir(), 'loadtest-scenarios-')), 'scenarios.json');
  writeFileSync(file, JSON.stringify(content));
  return file;
};
/** scenarios.json as plain JSON, to be spoiled field by field. */
interface SpoilableScenario {
  route: string;
  load: Record<string, number>;
  short: Record<string, number>;
  thresholds: Record<string, string[]>;
  k6Cannot?: Record<string, string>;
}
interface Spoilable {
  scenarios: {
    search: SpoilableScenario;
    ingest: SpoilableScenario;
    ws_ask?: SpoilableScenario;
    extra?: SpoilableScenario;
  };
}
const committed = (): Spoilable => JSON.parse(readFileSync(SCENARIO_FILE, 'utf8'));

describe('scenarios.json', () => {
  it('is valid: every scenario, a load, and thresholds the runner can evaluate', () => {
    const file = readScenarioFile();
    expect(Object.keys(file.scenarios).sort()).toEqual([...SCENARIO_NAMES].sort());
  });

  it('keeps --short (what CI runs) under about a minute of load', () => {
    const file = readScenarioFile();
    const seconds = SCENARIO_NAMES.reduce(
      (total, name) => total + effectiveLoad(file.scenarios[name], true).duration,
      0,
    );
    expect(seconds).toBeLessThanOrEqual(40);
  });

  it.each(SCENARIO_NAMES)('%s: its k6 script declares every metric its k6 thresholds name', (name) => {
    const scenario = readScenarioFile().scenarios[name];
    const source = readFileSync(join(K6_DIR, K6_SCRIPTS[name]), 'utf8');
    const declared = new Set(
      [...source.matchAll(/new (?:Trend|Rate|Counter)\('([^']+)'/g)].map((match) => match[1]),
    );
    const k6Measures = Object.keys(scenario.thresholds).filter(
      (metric) => !(metric in (scenario.k6Cannot ?? {})) && !K6_BUILTIN.has(metric),
    );
    expect(k6Measures.filter((metric) => !declared.has(metric))).toEqual([]);
  });

  it.each([
    ['a missing scenario', (file: Spoilable) => delete file.scenarios.ws_ask, /scenario ws_ask is missing/],
    [
      'an unknown scenario',
      (file: Spoilable) => (file.scenarios.extra = file.scenarios.search),
      /unknown scenarios extra/,
    ],
    [
      'a fractional rate',
      (file: Spoilable) => (file.scenarios.search.load.rate = 2.5),
      /search.load.rate must be a positive integer/,
    ],
    [
      'a bad short override',
      (file: Spoilable) => (file.scenarios.ingest.short.duration = 0),
      /ingest.short.duration/,
    ],
    [
      'no thresholds',
      (file: Spoilable) => (file.scenarios.search.thresholds = {}),
      /search has no thresholds/,
    ],
    [
      'a threshold k6 would not parse',
      (file: Spoilable) => (file.scenarios.search.thresholds.search_duration = ['p95<1']),
      /not a k6 expression/,
    ],
    [
      'k6Cannot naming no threshold',
      (file: Spoilable) => (file.scenarios.search.k6Cannot = { nope: 'x' }),
      /k6Cannot.nope/,
    ],
    ['a bad route', (file: Spoilable) => (file.scenarios.search.route = '/v1/search'), /search.route/],
  ])('refuses %s with INVALID_ARGUMENT', (_what, spoil, message) => {
    const file = committed();
    spoil(file);
    expect(() => readScenarioFile(written(file))).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(message) }),
    );
  });
});
