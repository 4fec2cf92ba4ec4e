// pnpm loadtest [--short] [--url <gateway>] [--api-key <key>] [--only search,rag_stream,...]
//               [--scenarios <file>]  (default loadtest/scenarios.json; RAGFLEET_API_KEY for --api-key)
// The local runner of the load-test scenarios (scenarios.json, the same file the k6 scripts read):
// starts a fleet (or targets --url), ingests a Cranfield corpus, runs each scenario at its rate
// (search and ingest through autocannon, the NDJSON and WebSocket answers through an open-loop
// client that sees each event), evaluates the same k6 thresholds, prints them, writes
// reports/loadtest.json and exits 1 if any failed. --short (CI) keeps the run under a minute.
import { parseArgs } from 'node:util';
import { RagfleetError, isRagfleetError } from '../packages/errors/src/index.ts';
import { writeReport } from '../scripts/bench/report.ts';
import { buildInputs } from './inputs.ts';
import type { LocalScenario, ScenarioRun } from './local/context.ts';
import { runIngest } from './local/ingest.ts';
import { runRagStream } from './local/rag-stream.ts';
import { runSearch } from './local/search.ts';
import { runWsAsk } from './local/ws-ask.ts';
import { MetricSet } from './metrics.ts';
import { readScenarioFile } from './scenario-file.ts';
import { effectiveLoad, SCENARIO_NAMES, type ScenarioName } from './scenario-types.ts';
import { metricFigures, thresholdTable } from './summary.ts';
import { ingestCorpus, startTarget } from './target.ts';
import { evaluateThresholds, type ThresholdResult } from './thresholds.ts';

/** Ingest runs last: the documents it adds must not change the index under the other scenarios. */
const RUN_ORDER: readonly ScenarioName[] = ['search', 'rag_stream', 'ws_ask', 'ingest'];
const LOCAL: Record<ScenarioName, LocalScenario> = {
  search: runSearch,
  rag_stream: runRagStream,
  ws_ask: runWsAsk,
  ingest: runIngest,
};
const log = (line: string) => console.error(`[loadtest] ${line}`);

function chosenScenarios(only: string | undefined): ScenarioName[] {
  if (only === undefined) return [...RUN_ORDER];
  const names = only.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !(SCENARIO_NAMES as readonly string[]).includes(name));
  if (unknown.length > 0)
    throw new RagfleetError(
      'INVALID_ARGUMENT',
      `--only: no scenario ${unknown.join(', ')} (${SCENARIO_NAMES.join(', ')})`,
    );
  return RUN_ORDER.filter((name) => names.includes(name));
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      short: { type: 'boolean', default: false },
      url: { type: 'string' },
      'api-key': { type: 'string' },
      only: { type: 'string' },
      scenarios: { type: 'string' },
    },
  });
  const short = values.short;
  const file = readScenarioFile(values.scenarios);
  const names = chosenScenarios(values.only);
  const inputs = buildInputs(file, short);
  const apiKey = (values['api-key'] ?? process.env.RAGFLEET_API_KEY)?.trim() || undefined;
  const started = performance.now();
  const target = await startTarget({
    ...(values.url !== undefined && { url: values.url }),
    ...(apiKey !== undefined && { apiKey }),
    log,
  });
  const rows: Array<{ scenario: string } & ThresholdResult> = [];
  const report: Record<string, unknown> = { short, target: values.url ?? 'local fleet', scenarios: {} };
  try {
    log(`ingesting ${inputs.corpus.length} Cranfield documents at ${target.url}`);
    await ingestCorpus(target, inputs.corpus);
    for (const name of names) {
      const scenario = file.scenarios[name];
      const load = effectiveLoad(scenario, short);
      log(`${name}: ${scenario.route} at ${load.rate}/s for ${load.duration} s`);
      const metrics = new MetricSet();
      const run: ScenarioRun = await LOCAL[name]({ target, scenario, load, inputs, metrics });
      const results = evaluateThresholds(scenario.thresholds, metrics, run.elapsedSeconds);
      rows.push(...results.map((result) => ({ scenario: name, ...result })));
      (report.scenarios as Record<string, unknown>)[name] = {
        route: scenario.route,
        load,
        sent: run.sent,
        dropped: run.dropped,
        achievedRate: Math.round((run.sent / load.duration) * 100) / 100,
        ...(run.firstProblem !== undefined && { firstProblem: run.firstProblem }),
        metrics: metricFigures(metrics),
        thresholds: results,
      };
      if (run.firstProblem !== undefined) log(`${name}: first problem: ${run.firstProblem}`);
    }
  } finally {
    await target.stop();
  }
  const failed = rows.filter((row) => !row.passed);
  report.seconds = Math.round((performance.now() - started) / 100) / 10;
  report.passed = failed.length === 0;
  console.log(thresholdTable(rows));
  console.log(`\n${rows.length - failed.length}/${rows.length} thresholds met in ${report.seconds} s`);
  console.log(`report: ${writeReport('loadtest', report)}`);
  return failed.length === 0 ? 0 : 1;
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(
    `[loadtest] ${isRagfleetError(error) ? `${error.code}: ${error.message}` : error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  process.exitCode = 2;
}
