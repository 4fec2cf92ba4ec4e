import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { generateDemoNodes } from '@ragfleet/packs/lightning/demo-nodes.ts';
import { CliError, UsageError } from '../cli-error.ts';
import type { GatewayClient, Job } from '../gateway-client.ts';

export const DEMO_USAGE = 'usage: ragfleet demo lightning [--nodes 5] [--seed 1]';

/** The handbook's id is its path in the repository, the id `ragfleet ingest` would give it. */
export const HANDBOOK_ID = 'packages/packs/lightning/guide/node-operator-handbook.md';
const HANDBOOK_TITLE = 'Lightning node operator handbook';

/** Enough nodes to fill a screen; more is a load test, not a demo. */
const MAX_NODES = 100;

export interface DemoOptions {
  nodes: number;
  seed: number;
  /** Between job polls while the handbook is indexed. */
  pollMs: number;
  /** Give up on the handbook's job after this long. */
  timeoutMs: number;
}

/** `--nodes` and `--seed` as the demo takes them; a bad value is a usage mistake (exit 2). */
export function demoNumbers(flags: { nodes?: string | undefined; seed?: string | undefined }) {
  const nodes = Number(flags.nodes ?? 5);
  if (!Number.isInteger(nodes) || nodes < 1 || nodes > MAX_NODES)
    throw new UsageError(`--nodes must be an integer from 1 to ${MAX_NODES}`, DEMO_USAGE);
  const seed = Number(flags.seed ?? 1);
  if (!Number.isSafeInteger(seed) || seed < 0)
    throw new UsageError('--seed must be a non-negative integer', DEMO_USAGE);
  return { nodes, seed };
}

async function waitForJob(client: GatewayClient, first: Job, options: DemoOptions): Promise<Job> {
  const deadline = Date.now() + options.timeoutMs;
  let job = first;
  while (job.state !== 'succeeded' && job.state !== 'failed') {
    if (Date.now() > deadline)
      throw new CliError(`the handbook's ingest job ${job.id} did not finish in time`);
    await new Promise((resolve) => setTimeout(resolve, options.pollMs));
    job = await client.job(job.id);
  }
  if (job.state === 'failed')
    throw new CliError(`the handbook's ingest job failed: ${job.error ?? 'unknown'}`);
  return job;
}

/**
 * `ragfleet demo lightning`: the pack's handbook indexed first (so the model's suggestions are
 * grounded in it), then seeded demo nodes created with their metrics. Running it again reuses the
 * nodes (their ids are their public keys) and refreshes their metrics.
 */
export async function demo(client: GatewayClient, args: string[], options: DemoOptions): Promise<number> {
  if (args.length !== 1 || args[0] !== 'lightning')
    throw new UsageError(
      `the only demo pack is "lightning"${args[0] ? `, got "${args.join(' ')}"` : ''}`,
      DEMO_USAGE,
    );
  const handbookPath = fileURLToPath(
    import.meta.resolve(`@ragfleet/packs/lightning/guide/node-operator-handbook.md`),
  );
  const text = await readFile(handbookPath, 'utf8');
  const job = await waitForJob(
    client,
    await client.ingest([{ id: HANDBOOK_ID, title: HANDBOOK_TITLE, text }]),
    options,
  );
  console.error(`indexed ${HANDBOOK_ID} (${job.chunks_indexed} chunks)`);

  const nodes = generateDemoNodes(options.seed, options.nodes);
  for (const node of nodes) {
    const { created } = await client.createSubject({ id: node.pubkey, pack: 'lightning', name: node.alias });
    await client.putMetrics(node.pubkey, {
      metrics: node.metrics.subject,
      collections: node.metrics.collections,
    });
    const channels = node.metrics.collections.channel?.length ?? 0;
    console.log(
      `${node.pubkey}  ${node.alias.padEnd(14)}  ${channels} channels${created ? '' : '  (existing)'}`,
    );
  }
  console.error(`\nnext: ragfleet recommend ${nodes[0]!.pubkey}`);
  return 0;
}
