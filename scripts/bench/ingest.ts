// Ingest throughput through the gateway on the local model, and the share of that time spent
// outside the model. Run: pnpm bench:ingest  (env: BENCH_DOCS to ingest fewer, BENCH_BATCH docs
// per request, plus any fleet variable such as NATS_URL, REDIS_URL, EMBED_WORKERS).
//
// The model-only baseline embeds exactly the chunks the fleet indexes, in-process, through the
// same worker pool with the same batch size and worker count, in the same run. The share outside
// the model is 1 - model time / fleet time: everything the fleet adds (HTTP, gRPC, the queue,
// chunking, the store, the index) over what the model alone needs.
import { availableParallelism, tmpdir } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startFleet } from '../fleet-runner.ts';
import { chunkText } from '../../services/retrieve/src/domain/chunking/chunker.ts';
import { LocalModelPool } from '../../services/embed/src/adapters/local/local-model-pool.ts';
import { cranfieldAvailable, readCranfieldDocuments } from './cranfield.ts';
import { histogramSums, processCpuSeconds, writeReport } from './report.ts';

if (!cranfieldAvailable()) {
  console.error('Cranfield is not at data/cranfield: nothing to ingest.');
  process.exit(1);
}
const documents = readCranfieldDocuments().slice(0, Number(process.env.BENCH_DOCS ?? 1400));
const batch = Number(process.env.BENCH_BATCH ?? 100);
const workers = Number(process.env.EMBED_WORKERS ?? availableParallelism());
const embedBatch = Number(process.env.EMBED_BATCH_SIZE ?? 32);
const chunking = {
  size: Number(process.env.CHUNK_SIZE ?? 1000),
  overlap: Number(process.env.CHUNK_OVERLAP ?? 150),
};

interface Job {
  id: string;
  state: string;
  chunks_indexed: number;
}

// The model alone on the same chunks, same pool size and batch size, all batches queued at once.
// Measured before and after the fleet run and averaged, so that drift in a shared machine's
// speed during the run cancels out instead of landing in the overhead figure.
const texts = documents.flatMap((document) => chunkText(document.text, chunking).map((chunk) => chunk.text));
async function modelOnlySeconds(): Promise<number> {
  const pool = new LocalModelPool({ size: workers });
  await pool.start();
  try {
    await pool.embed(texts.slice(0, embedBatch)); // warm-up, as the fleet's workers are warm after their first batch
    const batches: string[][] = [];
    for (let i = 0; i < texts.length; i += embedBatch) batches.push(texts.slice(i, i + embedBatch));
    const started = performance.now();
    await Promise.all(batches.map((batch) => pool.embed(batch)));
    return (performance.now() - started) / 1000;
  } finally {
    await pool.close();
  }
}
console.log(`model alone on ${texts.length} chunks (${workers} workers)...`);
const modelBefore = await modelOnlySeconds();

const dataDir = mkdtempSync(join(tmpdir(), 'ragfleet-bench-ingest-'));
const fleet = await startFleet({
  freePorts: true,
  unthrottled: true,
  dataDir,
  env: { LOG_LEVEL: 'warn', EMBED_WORKERS: String(workers), EMBED_BATCH_SIZE: String(embedBatch) },
  logSink: (service, line) => {
    if (/"level":"(error|fatal)"/.test(line)) console.error(`${service}: ${line}`);
  },
});

let fleetSeconds: number;
let chunks = 0;
let stages: Record<string, number>;
const cpuSeconds: Record<string, number> = {};
const metricsUrls = () => ({
  gateway: `http://127.0.0.1:${fleet.ports.gateway.ops}/metrics`,
  embed: `http://127.0.0.1:${fleet.ports.embed.ops}/metrics`,
  retrieve: `http://127.0.0.1:${fleet.ports.retrieve.ops}/metrics`,
  router: `http://127.0.0.1:${fleet.ports.router.ops}/metrics`,
  generate: `http://127.0.0.1:${fleet.ports.generate.ops}/metrics`,
});
try {
  for (const [service, url] of Object.entries(metricsUrls()))
    cpuSeconds[service] = -(await processCpuSeconds(url));
  console.log(
    `ingesting ${documents.length} Cranfield abstracts through ${fleet.gatewayUrl} (${workers} model workers)`,
  );
  const started = performance.now();
  const jobs: string[] = [];
  for (let i = 0; i < documents.length; i += batch) {
    const response = await fetch(`${fleet.gatewayUrl}/v1/documents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ documents: documents.slice(i, i + batch) }),
    });
    if (response.status !== 202)
      throw new Error(`ingest answered ${response.status}: ${await response.text()}`);
    jobs.push(((await response.json()) as { job: Job }).job.id);
  }
  for (const id of jobs) {
    for (;;) {
      const job = ((await (await fetch(`${fleet.gatewayUrl}/v1/jobs/${id}`)).json()) as { job: Job }).job;
      if (job.state === 'failed') throw new Error(`job ${id} failed`);
      if (job.state === 'succeeded') {
        chunks += job.chunks_indexed;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  fleetSeconds = (performance.now() - started) / 1000;
  for (const [service, url] of Object.entries(metricsUrls()))
    cpuSeconds[service]! += await processCpuSeconds(url);
} finally {
  stages = await histogramSums(
    `http://127.0.0.1:${fleet.ports.retrieve.ops}/metrics`,
    'ragfleet_retrieve_ingest_stage_seconds',
    'stage',
  ).catch(() => ({}));
  await fleet.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

const modelAfter = await modelOnlySeconds();
const modelSeconds = (modelBefore + modelAfter) / 2;
const outsideShare = 1 - modelSeconds / fleetSeconds;
const rows = [
  ['documents', documents.length],
  ['chunks indexed (fleet)', chunks],
  ['chunks embedded (model only)', texts.length],
  ['fleet wall time, s', fleetSeconds.toFixed(2)],
  ['fleet throughput, chunks/s', (chunks / fleetSeconds).toFixed(1)],
  ['model-only time before / after, s', `${modelBefore.toFixed(2)} / ${modelAfter.toFixed(2)}`],
  ['model-only throughput, chunks/s', (texts.length / modelSeconds).toFixed(1)],
  ['share of time outside the model', `${(outsideShare * 100).toFixed(1)}%`],
];
console.table(Object.fromEntries(rows));
console.log('retrieve ingest stage seconds (summed over jobs):', stages);
console.log('CPU seconds spent by each service during the ingest:', cpuSeconds);
const file = writeReport('ingest', {
  workers,
  embedBatch,
  chunking,
  documents: documents.length,
  chunks,
  fleetSeconds,
  chunksPerSecond: chunks / fleetSeconds,
  modelSeconds,
  modelBeforeSeconds: modelBefore,
  modelAfterSeconds: modelAfter,
  modelChunksPerSecond: texts.length / modelSeconds,
  outsideModelShare: outsideShare,
  retrieveStageSeconds: stages,
  cpuSecondsByService: cpuSeconds,
});
console.log(`report: ${file}`);
