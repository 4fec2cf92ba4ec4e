// What an experiment and shadow runs add to an answer's first token (pnpm bench:change-overhead;
// issue 14's goal: under 0.5 ms at p50). One fleet as `pnpm start` runs it (offline extractive
// provider, service tokens), plus a SECOND generate process beside the fleet's on the same router
// and retrieve: the fleet's generate has no experiment and no shadow (baseline); the second has a
// running A/B experiment on the answer prompt (both variants v1, so the answers are alike) and
// shadows every answer (GENERATE_SHADOW_SHARE=1 with the v1 prompt as candidate). The same
// question goes to both over gRPC, alternating one by one, and each is timed from the call to
// its first token event. Bounded by BENCH_REQUESTS (300 per side) and BENCH_MAX_SECONDS (300).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readServiceCredentials } from '../../packages/config/src/index.ts';
import { SUPERVISED_BY_PIPE } from '../../packages/lifecycle/src/lifecycle.ts';
import { ExperimentClient, GenerateClient, Transport } from '../../packages/grpc/src/index.ts';
import { runWithRequestContext } from '../../packages/telemetry/src/index.ts';
import { freePort, waitFor } from '../../packages/testing/src/index.ts';
import { startFleet } from '../fleet-runner.ts';
import { percentile, writeReport } from './report.ts';

const requests = Number(process.env.BENCH_REQUESTS ?? 300);
const deadline = Date.now() + Number(process.env.BENCH_MAX_SECONDS ?? 300) * 1_000;
const QUESTIONS = [
  'How does a retried ingest job avoid duplicating chunks?',
  'What does the prompt injection guard do?',
  'How does the router pick a model for a question?',
  'Which error codes can a client retry safely?',
];
const log = (message: string) => console.error(`[bench:change-overhead] ${message}`);
const as = <T>(user: string, fn: () => Promise<T>) =>
  runWithRequestContext({ requestId: `bench-${user}-${Math.random()}`, tenant: 'bench', user }, fn);

async function firstTokenMs(client: GenerateClient, query: string, user: string): Promise<number> {
  return as(user, async () => {
    const started = performance.now();
    let first = Number.NaN;
    for await (const event of client.answer({ query })) {
      if (event.event === 'token' && Number.isNaN(first)) first = performance.now() - started;
      if (event.event === 'error') throw new Error(`answer failed: ${JSON.stringify(event.error)}`);
    }
    return first;
  });
}

const dataDir = mkdtempSync(join(tmpdir(), 'ragfleet-bench-change-'));
const fleet = await startFleet({ freePorts: true, unthrottled: true, dataDir, env: { LOG_LEVEL: 'warn' } });
const grpcPort = await freePort();
const opsPort = await freePort();
const second = spawn(process.execPath, [join(import.meta.dirname, '../../services/generate/src/main.ts')], {
  env: {
    ...process.env,
    ...fleet.serviceAuthEnv,
    [SUPERVISED_BY_PIPE]: '1',
    LOG_LEVEL: 'warn',
    GRPC_PORT: String(grpcPort),
    METRICS_PORT: String(opsPort),
    DATA_DIR: join(dataDir, 'second-generate'),
    ROUTER_ADDR: `127.0.0.1:${fleet.ports.router.grpc}`,
    RETRIEVE_ADDR: `127.0.0.1:${fleet.ports.retrieve.grpc}`,
    GENERATE_SHADOW_SHARE: '1',
    GENERATE_SHADOW_PROMPT_VERSION: 'v1',
  },
  stdio: ['pipe', 'inherit', 'inherit'],
});
try {
  await waitFor(async () => (await fetch(`http://127.0.0.1:${opsPort}/readyz`)).ok, 60_000, 200);
  const { keys } = readServiceCredentials('bench', fleet.serviceAuthEnv);
  const transport = Transport.create({ service: 'gateway', keys });
  const baseline = new GenerateClient(`127.0.0.1:${fleet.ports.generate.grpc}`, { transport });
  const changed = new GenerateClient(`127.0.0.1:${grpcPort}`, { transport });
  const experiments = new ExperimentClient(`127.0.0.1:${grpcPort}`, { transport });
  const created = await as('admin', () =>
    experiments.createExperiment({
      name: 'overhead',
      family: 'answer',
      variants: [
        { name: 'a', promptVersion: 'v1', weight: 1 },
        { name: 'b', promptVersion: 'v1', weight: 1 },
      ],
      metric: 'METRIC_ERROR_RATE',
      minSamples: 100_000,
      alpha: 0.05,
    }),
  );
  log(`experiment ${created.experiment?.id} running on the second generate; shadow share 1`);
  const documents = [
    {
      id: 'ingest',
      title: 'Ingest',
      text: 'A retried ingest job never duplicates a chunk: chunk ids are deterministic.',
    },
    {
      id: 'guard',
      title: 'Guard',
      text: 'The prompt injection guard flags passages that carry instructions.',
    },
  ];
  await fetch(`${fleet.gatewayUrl}/v1/documents?wait=true`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tenant-id': 'bench' },
    body: JSON.stringify({ documents }),
  });
  const sides = { baseline: [] as number[], changed: [] as number[] };
  for (let i = 0; i < 20; i++) {
    await firstTokenMs(baseline, QUESTIONS[i % 4]!, `warm-${i}`);
    await firstTokenMs(changed, QUESTIONS[i % 4]!, `warm-${i}`);
  }
  for (let i = 0; i < requests && Date.now() < deadline; i++) {
    const query = QUESTIONS[i % QUESTIONS.length]!;
    const user = `user-${i}`;
    // Alternate which side goes first, so that neither always follows the other's shadow run.
    if (i % 2 === 0) {
      sides.baseline.push(await firstTokenMs(baseline, query, user));
      sides.changed.push(await firstTokenMs(changed, query, user));
    } else {
      sides.changed.push(await firstTokenMs(changed, query, user));
      sides.baseline.push(await firstTokenMs(baseline, query, user));
    }
  }
  const summary = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return { requests: sorted.length, p50Ms: percentile(sorted, 50), p99Ms: percentile(sorted, 99) };
  };
  const figures = {
    baseline: summary(sides.baseline),
    withExperimentAndShadow: summary(sides.changed),
    p50OverheadMs:
      percentile(
        [...sides.changed].sort((a, b) => a - b),
        50,
      ) -
      percentile(
        [...sides.baseline].sort((a, b) => a - b),
        50,
      ),
    goalMs: 0.5,
  };
  console.log('| side | requests | first token p50 | p99 |');
  console.log('|---|---|---|---|');
  console.log(
    `| baseline | ${figures.baseline.requests} | ${figures.baseline.p50Ms.toFixed(2)} ms | ${figures.baseline.p99Ms.toFixed(2)} ms |`,
  );
  console.log(
    `| experiment + shadow | ${figures.withExperimentAndShadow.requests} | ${figures.withExperimentAndShadow.p50Ms.toFixed(2)} ms | ${figures.withExperimentAndShadow.p99Ms.toFixed(2)} ms |`,
  );
  console.log(
    `\noverhead at p50: ${figures.p50OverheadMs.toFixed(2)} ms (goal < ${figures.goalMs} ms: ${figures.p50OverheadMs < figures.goalMs ? 'met' : 'NOT met'})`,
  );
  console.log(`report: ${writeReport('change-overhead', figures)}`);
  for (const client of [baseline, changed, experiments]) client.close();
} finally {
  second.kill('SIGTERM');
  await fleet.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
