// One corpus size in a process of its own (index-backends.ts starts one per size, so each size's
// memory deltas start from a clean process): builds every backend asked for, interleaves their
// query blocks, and writes the figures as JSON to $INDEX_BENCH_RESULT.
import { writeFileSync } from 'node:fs';
import { RagfleetError } from '../../../packages/errors/src/index.ts';
import type { IndexBackend } from './backend.ts';
import { buildBackend, type BuildFigures } from './build.ts';
import { parseOptions } from './options.ts';
import { measureInterleaved, type InterleavedResult } from './query-blocks.ts';
import { openBackend } from './registry.ts';
import { buildWorkload } from './workload.ts';
import { measureWrites, type WriteFigures } from './writes.ts';

/** Documents rewritten per backend after the query phase, and the time allowed for them. */
const WRITE_SAMPLE = 100;
const WRITE_SECONDS = 60;

export interface SizeResult {
  size: number;
  dimensions: number;
  queries: number;
  exactQueriesPerSecond: number;
  builds: Record<string, BuildFigures | { error: string }>;
  settings: Record<string, Record<string, unknown>>;
  queryPhase: InterleavedResult;
  writes: Record<string, WriteFigures>;
}

const options = parseOptions(process.argv.slice(2));
const resultFile = process.env.INDEX_BENCH_RESULT;
if (options.sizes.length !== 1 || !resultFile)
  throw new RagfleetError('INVALID_ARGUMENT', 'one-size.ts takes one --sizes value and INDEX_BENCH_RESULT');
const size = options.sizes[0]!;
const log = (message: string) => console.error(`[bench:backends ${size}] ${message}`);

log(
  `generating ${size} chunks of ${options.dimensions} dimensions and ${options.queries} queries; exact top-10`,
);
const workload = buildWorkload(size, options.dimensions, options.queries, options.seed);
log(`exact search: ${workload.exactQueriesPerSecond.toFixed(2)} queries/s`);

const loaded: IndexBackend[] = [];
const builds: SizeResult['builds'] = {};
const settings: SizeResult['settings'] = {};
for (const name of options.backends) {
  let backend: IndexBackend | undefined;
  try {
    backend = await openBackend(name, size);
    log(`${name}: building`);
    builds[name] = await buildBackend(backend, workload, options.buildSeconds, log);
    settings[name] = backend.settings;
    loaded.push(backend);
    log(`${name}: ${JSON.stringify(builds[name])}`);
  } catch (error) {
    builds[name] = { error: error instanceof Error ? error.message : String(error) };
    log(`${name}: failed: ${builds[name].error}`);
    await backend?.close();
  }
}
const sample = workload.chunks(WRITE_SAMPLE).next().value ?? [];
workload.release();

const queryPhase = await measureInterleaved(
  loaded,
  workload,
  {
    rounds: options.rounds,
    block: options.block,
    candidates: options.candidates,
    seconds: options.querySeconds,
  },
  log,
);
const writes: SizeResult['writes'] = {};
for (const backend of loaded) {
  writes[backend.name] = await measureWrites(backend, sample, WRITE_SECONDS);
  log(`${backend.name} writes: ${JSON.stringify(writes[backend.name])}`);
  await backend.close();
}

const result: SizeResult = {
  size,
  dimensions: options.dimensions,
  queries: options.queries,
  exactQueriesPerSecond: workload.exactQueriesPerSecond,
  builds,
  settings,
  queryPhase,
  writes,
};
writeFileSync(resultFile, JSON.stringify(result));
