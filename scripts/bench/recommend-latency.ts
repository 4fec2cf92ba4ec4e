// Recommend through the fleet (pnpm bench:recommend, part 3): a fleet as `pnpm start` runs it
// (processes, service tokens, the offline extractive provider), unthrottled, on free ports; the
// Lightning handbook ingested to ground model suggestions; demo nodes as subjects. Each request
// is GET /v1/subjects/:id/recommendations as NDJSON, timed to its first line and to `complete`;
// with and without model candidates, interleaved one by one so both sides share the machine's
// noise. Bounded by the request count and the deadline.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemoNodes } from '../../packages/packs/lightning/demo-nodes.ts';
import { startFleet } from '../fleet-runner.ts';
import { percentile } from './report.ts';

const log = (message: string) => console.error(`[bench:recommend] ${message}`);

async function call(url: string, init: RequestInit = {}): Promise<unknown> {
  const response = await fetch(url, {
    ...init,
    headers: { 'content-type': 'application/json', ...init.headers },
  });
  const body = await response.text();
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${response.status} ${body}`);
  return body ? JSON.parse(body) : undefined;
}

/** One streamed Recommend: ms to the first NDJSON line and to the `complete` line. */
async function timedRecommend(url: string): Promise<{ firstMs: number; completeMs: number; total: number }> {
  const started = performance.now();
  const response = await fetch(url, { headers: { accept: 'application/x-ndjson' } });
  if (!response.ok || !response.body) throw new Error(`recommend answered ${response.status}`);
  const decoder = new TextDecoder();
  let buffered = '';
  let firstMs = Number.NaN;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    if (Number.isNaN(firstMs)) firstMs = performance.now() - started;
    buffered += decoder.decode(chunk, { stream: true });
    let newline: number;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const event = JSON.parse(buffered.slice(0, newline)) as { type: string; total?: number };
      buffered = buffered.slice(newline + 1);
      if (event.type === 'error') throw new Error(`recommend failed: ${JSON.stringify(event)}`);
      if (event.type === 'complete')
        return { firstMs, completeMs: performance.now() - started, total: event.total ?? 0 };
    }
  }
  throw new Error('the stream ended without complete');
}

const summary = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { requests: sorted.length, p50Ms: percentile(sorted, 50), p99Ms: percentile(sorted, 99) };
};

export async function recommendLatency(requests: number, deadline: number) {
  const dataDir = mkdtempSync(join(tmpdir(), 'ragfleet-bench-recommend-'));
  const fleet = await startFleet({ freePorts: true, unthrottled: true, dataDir, env: { LOG_LEVEL: 'warn' } });
  try {
    const base = fleet.gatewayUrl;
    const handbook = join(
      import.meta.dirname,
      '../../packages/packs/lightning/guide/node-operator-handbook.md',
    );
    await call(`${base}/v1/documents?wait=true&timeout_ms=120000`, {
      method: 'POST',
      body: JSON.stringify({
        documents: [
          {
            id: 'lightning-handbook',
            title: 'Lightning node operator handbook',
            text: readFileSync(handbook, 'utf8'),
          },
        ],
      }),
    });
    const nodes = generateDemoNodes(21, 8);
    for (const node of nodes) {
      await call(`${base}/v1/subjects`, {
        method: 'POST',
        body: JSON.stringify({ id: node.pubkey, pack: 'lightning', name: node.alias }),
      });
      await call(`${base}/v1/subjects/${node.pubkey}/metrics`, {
        method: 'PUT',
        body: JSON.stringify({ metrics: node.metrics.subject, collections: node.metrics.collections }),
      });
    }
    log(`fleet up, handbook ingested, ${nodes.length} demo nodes stored; ${requests} requests per side`);
    const sides = {
      withModel: [] as Awaited<ReturnType<typeof timedRecommend>>[],
      rulesOnly: [] as Awaited<ReturnType<typeof timedRecommend>>[],
    };
    for (let i = 0; i < 4; i++)
      await timedRecommend(`${base}/v1/subjects/${nodes[0]!.pubkey}/recommendations`); // warm up
    for (let i = 0; i < requests && Date.now() < deadline; i++) {
      const node = nodes[i % nodes.length]!;
      const url = `${base}/v1/subjects/${node.pubkey}/recommendations`;
      sides.withModel.push(await timedRecommend(url));
      sides.rulesOnly.push(await timedRecommend(`${url}?include_model=false`));
    }
    const figures = {
      withModel: {
        firstEvent: summary(sides.withModel.map((r) => r.firstMs)),
        complete: summary(sides.withModel.map((r) => r.completeMs)),
        meanRecommendations:
          sides.withModel.reduce((s, r) => s + r.total, 0) / Math.max(1, sides.withModel.length),
      },
      rulesOnly: {
        firstEvent: summary(sides.rulesOnly.map((r) => r.firstMs)),
        complete: summary(sides.rulesOnly.map((r) => r.completeMs)),
        meanRecommendations:
          sides.rulesOnly.reduce((s, r) => s + r.total, 0) / Math.max(1, sides.rulesOnly.length),
      },
    };
    console.log('\n3. Recommend through the gateway (NDJSON, extractive provider, interleaved)\n');
    console.log(
      '| side | requests | first event p50 / p99 ms | complete p50 / p99 ms | recommendations per run |',
    );
    console.log('|---|---|---|---|---|');
    for (const [name, side] of Object.entries(figures)) {
      console.log(
        `| ${name} | ${side.complete.requests} | ${side.firstEvent.p50Ms.toFixed(1)} / ${side.firstEvent.p99Ms.toFixed(1)} | ${side.complete.p50Ms.toFixed(1)} / ${side.complete.p99Ms.toFixed(1)} | ${side.meanRecommendations.toFixed(1)} |`,
      );
    }
    return figures;
  } finally {
    await fleet.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
