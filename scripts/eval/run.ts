// Retrieval quality through the running fleet's search API: nDCG@10, recall@10, recall@100 and MRR
// per search mode, as a table and reports/eval-<collection>.json.
//
//   node scripts/eval/run.ts                              Cranfield, every mode, a fresh fleet
//   node scripts/eval/run.ts --beir DIR                   a BEIR-layout collection of your own
//   node scripts/eval/run.ts --data-dir .data-eval        keep the ingested corpus for the next run
//   node scripts/eval/run.ts --min-ndcg hybrid=0.40       exit 1 when hybrid nDCG@10 is below 0.40
//   node scripts/eval/run.ts --gateway http://host:8080   use a fleet that already holds the corpus
//   node scripts/eval/run.ts --gateway URL --api-key KEY  ... one that requires credentials (or set
//                                                         RAGFLEET_API_KEY), sent as Authorization: Bearer
//
// With --data-dir the corpus is ingested once (the embeddings are the slow part); later runs start
// the fleet on the same data and only search. Analyzer settings (--env ANALYZER_STEMMING=false,
// BM25_TITLE_WEIGHT=2, ...) rebuild the keyword index from the stored chunks, without re-embedding;
// fusion settings (--fusion, --weights, --rrf-k, --rerank, --mmr-lambda, --candidates) are per request.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeReport } from '../bench/report.ts';
import { startFleet, type Fleet } from '../fleet-runner.ts';
import { readBeir } from './beir-collection.ts';
import type { LabeledCollection } from './collection.ts';
import { readCranfield } from './cranfield-collection.ts';
import { mean, scoreQuery, uniqueDocuments, type QueryScores } from './metrics.ts';

const { values } = parseArgs({
  options: {
    beir: { type: 'string' },
    qrels: { type: 'string' },
    modes: { type: 'string', default: 'vector,keyword,hybrid' },
    'data-dir': { type: 'string' },
    gateway: { type: 'string' },
    'api-key': { type: 'string' },
    'min-ndcg': { type: 'string', multiple: true, default: [] },
    env: { type: 'string', multiple: true, default: [] },
    chunking: { type: 'string' },
    fusion: { type: 'string' },
    weights: { type: 'string' },
    'rrf-k': { type: 'string' },
    rerank: { type: 'string' },
    'mmr-lambda': { type: 'string' },
    candidates: { type: 'string' },
    concurrency: { type: 'string', default: '4' },
    label: { type: 'string' },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const floors = new Map<string, number>();
for (const spec of values['min-ndcg']) {
  const [mode, value] = spec.split('=');
  if (!mode || value === undefined || !Number.isFinite(Number(value)))
    fail(`--min-ndcg ${spec}: expected MODE=VALUE`);
  floors.set(mode, Number(value));
}
const modes = values.modes.split(',').map((mode) => mode.trim());
for (const mode of floors.keys())
  if (!modes.includes(mode)) fail(`--min-ndcg ${mode}: that mode is not evaluated`);
const fleetEnv: Record<string, string> = { LOG_LEVEL: 'warn' };
for (const spec of values.env) {
  const at = spec.indexOf('=');
  if (at < 1) fail(`--env ${spec}: expected KEY=VALUE`);
  fleetEnv[spec.slice(0, at)] = spec.slice(at + 1);
}

/** Per-request search options from the command line; absent ones are left to retrieve's defaults. */
function searchOptions(): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  if (values.fusion) options.fusion = values.fusion;
  if (values.weights) {
    const [vector, keyword] = values.weights.split(',').map(Number);
    options.weights = { vector, keyword };
  }
  if (values['rrf-k']) options.rrf_k = Number(values['rrf-k']);
  if (values.rerank) options.rerank = values.rerank;
  if (values['mmr-lambda']) options.mmr_lambda = Number(values['mmr-lambda']);
  if (values.candidates) options.candidates = Number(values.candidates);
  return options;
}

const collection: LabeledCollection = values.beir ? readBeir(values.beir, values.qrels) : readCranfield();
const queries = collection.queries.filter((query) => collection.qrels.has(query.id));
console.log(
  `${collection.name}: ${collection.documents.length} documents, ${queries.length} judged queries, modes ${modes.join(', ')}`,
);

// For fleets that require credentials; the key needs the documents, jobs and search scopes.
const apiKey = values['api-key'] ?? process.env.RAGFLEET_API_KEY;
if (apiKey !== undefined && apiKey.trim() === '') fail('--api-key / RAGFLEET_API_KEY: empty key');
const credentials: Record<string, string> = apiKey ? { authorization: `Bearer ${apiKey}` } : {};

async function call(url: string, init?: RequestInit): Promise<unknown> {
  const response = await fetch(url, {
    ...init,
    headers: { 'content-type': 'application/json', ...credentials, ...(init?.headers ?? {}) },
  });
  const body = await response.text();
  if (!response.ok) throw new Error(`${init?.method ?? 'GET'} ${url} answered ${response.status}: ${body}`);
  return JSON.parse(body);
}

/** Ingests the collection through the gateway in batches and waits until every job has ended. */
async function ingest(gatewayUrl: string): Promise<number> {
  const jobs: string[] = [];
  const batch = 100;
  for (let i = 0; i < collection.documents.length; i += batch) {
    const documents = collection.documents.slice(i, i + batch).map((document) => ({
      id: document.id,
      title: document.title,
      text: document.text,
      ...(document.metadata ? { metadata: document.metadata } : {}),
    }));
    const body = { documents, ...(values.chunking ? { chunking: values.chunking } : {}) };
    const { job } = (await call(`${gatewayUrl}/v1/documents`, {
      method: 'POST',
      body: JSON.stringify(body),
    })) as {
      job: { id: string };
    };
    jobs.push(job.id);
  }
  let chunks = 0;
  for (const id of jobs) {
    for (;;) {
      const { job } = (await call(`${gatewayUrl}/v1/jobs/${id}`)) as {
        job: { state: string; chunks_indexed: number; error: string };
      };
      if (job.state === 'failed') throw new Error(`ingest job ${id} failed: ${job.error}`);
      if (job.state === 'succeeded') {
        chunks += job.chunks_indexed;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  return chunks;
}

/** Runs every query in one mode (a few at a time) and scores the distinct documents returned. */
async function evaluate(
  gatewayUrl: string,
  mode: string,
): Promise<{ scores: QueryScores; seconds: number; used: unknown }> {
  const perQuery: QueryScores[] = [];
  let used: unknown;
  const started = performance.now();
  const pending = [...queries];
  const worker = async () => {
    for (let query = pending.shift(); query; query = pending.shift()) {
      const result = (await call(`${gatewayUrl}/v1/search`, {
        method: 'POST',
        body: JSON.stringify({ query: query.text, k: 100, mode, ...searchOptions() }),
      })) as { hits: Array<{ document_id: string }>; [key: string]: unknown };
      const { hits, ...settings } = result;
      used ??= settings;
      const ranked = uniqueDocuments(hits.map((hit) => hit.document_id));
      perQuery.push(scoreQuery(ranked, collection.qrels.get(query.id) ?? new Map()));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Number(values.concurrency)) }, worker));
  return { scores: mean(perQuery), seconds: (performance.now() - started) / 1000, used };
}

const keepData = values['data-dir'] !== undefined;
const dataDir = keepData
  ? resolve(values['data-dir'] as string)
  : mkdtempSync(join(tmpdir(), 'ragfleet-eval-'));
const stamp = join(dataDir, 'eval-ingested.json');
const wanted = JSON.stringify({
  collection: collection.name,
  documents: collection.documents.length,
  chunking: values.chunking ?? '',
  env: Object.fromEntries(
    Object.entries(fleetEnv).filter(([key]) => key.startsWith('CHUNK_') || key.startsWith('EMBED_')),
  ),
});

let fleet: Fleet | undefined;
const results: Record<string, QueryScores & { seconds: number; used: unknown }> = {};
let ingestSeconds: number | undefined;
try {
  let gatewayUrl = values.gateway;
  if (!gatewayUrl) {
    fleet = await startFleet({
      services: ['embed', 'retrieve', 'gateway'],
      freePorts: true,
      unthrottled: true,
      dataDir,
      env: fleetEnv,
      logSink: (service, line) => {
        if (/"level":"?(error|fatal|50|60)/.test(line)) console.error(`${service}: ${line}`);
      },
      readyTimeoutMs: 180_000,
    });
    gatewayUrl = fleet.gatewayUrl;
    const ingested = existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted;
    if (ingested) console.log(`reusing the corpus ingested in ${dataDir}`);
    else {
      const started = performance.now();
      const chunks = await ingest(gatewayUrl);
      ingestSeconds = (performance.now() - started) / 1000;
      console.log(
        `ingested ${collection.documents.length} documents (${chunks} chunks) in ${ingestSeconds.toFixed(1)} s`,
      );
      writeFileSync(stamp, wanted);
    }
  }
  for (const mode of modes) {
    const { scores, seconds, used } = await evaluate(gatewayUrl, mode);
    results[mode] = { ...scores, seconds, used };
  }
} finally {
  await fleet?.stop();
  if (!keepData) rmSync(dataDir, { recursive: true, force: true });
}

const f = (value: number) => value.toFixed(3);
console.log(`\n| mode | nDCG@10 | recall@10 | recall@100 | MRR | queries/s |`);
console.log(`|---|---|---|---|---|---|`);
for (const [mode, r] of Object.entries(results)) {
  console.log(
    `| ${mode} | ${f(r.ndcg10)} | ${f(r.recall10)} | ${f(r.recall100)} | ${f(r.mrr)} | ${(queries.length / r.seconds).toFixed(1)} |`,
  );
}
const file = writeReport(`eval-${collection.name}${values.label ? `-${values.label}` : ''}`, {
  collection: collection.name,
  documents: collection.documents.length,
  queries: queries.length,
  fleetEnv,
  searchOptions: searchOptions(),
  ingestSeconds,
  modes: results,
});
console.log(`report: ${file}`);

let failed = false;
for (const [mode, floor] of floors) {
  const measured = results[mode]?.ndcg10 ?? 0;
  if (measured < floor) {
    console.error(`FAIL: ${mode} nDCG@10 ${f(measured)} is below the floor ${floor}`);
    failed = true;
  } else console.log(`ok: ${mode} nDCG@10 ${f(measured)} >= ${floor}`);
}
process.exit(failed ? 1 : 0);
