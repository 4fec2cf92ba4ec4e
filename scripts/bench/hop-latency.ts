// Where a /v1/rag request spends its time: each service of a running fleet called directly over
// gRPC with the same query, one call at a time, next to the gateway. The differences between
// rows are the cost of each hop. Run: pnpm bench:hops  (env: BENCH_CALLS per row, default 200).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readServiceCredentials } from '../../packages/config/src/index.ts';
import {
  EmbedClient,
  GenerateClient,
  RetrieveClient,
  RouterClient,
  Transport,
} from '../../packages/grpc/src/index.ts';
import { startFleet } from '../fleet-runner.ts';
import { GUIDE_QUESTION, ingestGuide } from './ingest-guide.ts';
import { percentile, writeReport } from './report.ts';

const calls = Number(process.env.BENCH_CALLS ?? 200);
const query = GUIDE_QUESTION;

const dataDir = mkdtempSync(join(tmpdir(), 'ragfleet-bench-hops-'));
const fleet = await startFleet({ freePorts: true, unthrottled: true, dataDir, env: { LOG_LEVEL: 'warn' } });
const address = (service: 'embed' | 'retrieve' | 'router' | 'generate') =>
  `127.0.0.1:${fleet.ports[service].grpc}`;
// Direct calls carry a token signed with the fleet's key, as the gateway's do.
const transport = Transport.create({
  service: 'bench',
  ...readServiceCredentials('bench', fleet.serviceAuthEnv),
});
const embed = new EmbedClient(address('embed'), { transport });
const retrieve = new RetrieveClient(address('retrieve'), { transport });
const router = new RouterClient(address('router'), { transport });
const generate = new GenerateClient(address('generate'), { transport });

async function timeCalls(fn: () => Promise<unknown>): Promise<{ p50Ms: number; p99Ms: number }> {
  for (let i = 0; i < 20; i++) await fn(); // warm-up: connections, caches, JIT
  const samples: number[] = [];
  for (let i = 0; i < calls; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { p50Ms: percentile(samples, 50), p99Ms: percentile(samples, 99) };
}

const rows: Record<string, { p50Ms: number; p99Ms: number }> = {};
try {
  await ingestGuide(fleet.gatewayUrl);

  rows['embed.Embed (cached)'] = await timeCalls(() => embed.embed({ texts: [query] }));
  rows['router.Route'] = await timeCalls(() => router.route({ query, tier: '' }));
  rows['retrieve.Search (k=5)'] = await timeCalls(() => retrieve.search({ query, k: 5 }));
  rows['generate.Answer (whole stream)'] = await timeCalls(async () => {
    for await (const _event of generate.answer({ query })) {
      // drain
    }
  });
  rows['gateway POST /v1/rag (NDJSON)'] = await timeCalls(async () => {
    const response = await fetch(`${fleet.gatewayUrl}/v1/rag`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/x-ndjson' },
      body: JSON.stringify({ query }),
    });
    await response.text();
  });
} finally {
  for (const client of [embed, retrieve, router, generate]) client.close();
  await fleet.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
console.table(rows);
console.log(`report: ${writeReport('hop-latency', { calls, rows })}`);
