// What authentication and Redis-backed rate limits add to a gateway request: the same route
// (GET /v1/jobs/:id against an in-process fake retrieve) on two gateway apps in one run, one in
// development mode (no credentials, no limits) and one with an API key and RateLimiterRedis
// (per-minute and per-day windows), both driven by autocannon at the same fixed rate.
// Run: node scripts/bench/gateway-overhead.ts  (env: BENCH_RATE req/s, BENCH_SECONDS, REDIS_URL)
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { GenerateClient, GrpcServer, RetrieveClient } from '../../packages/grpc/src/index.ts';
import { protos } from '../../packages/protos/src/index.ts';
import { createLogger, createMetricsRegistry } from '../../packages/telemetry/src/index.ts';
import { createApp } from '../../services/gateway/src/app.ts';
import { hashApiKey } from '../../services/gateway/src/auth/api-keys.ts';
import { Authenticator } from '../../services/gateway/src/auth/authenticator.ts';
import { KeyDirectory } from '../../services/gateway/src/auth/key-directory.ts';
import { MemoryKeyStore } from '../../services/gateway/src/auth/memory-key-store.ts';
import { createRequestLimiter } from '../../services/gateway/src/rate-limit/create-limiter.ts';
import { connectRedis } from '../../services/gateway/src/rate-limit/redis-connection.ts';
import { percentile, writeReport } from './report.ts';

const rate = Number(process.env.BENCH_RATE ?? 300);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `ragfleet:bench:${process.pid}:${Date.now().toString(36)}:`;
const KEY = 'rf_bench_key_0123456789abcdef';
const logger = createLogger('bench', 'silent');

// The fake retrieve: GetJob answers at once, so the figures are the gateway's own cost.
const upstream = new GrpcServer({
  service: 'bench-upstream',
  logger,
  registry: createMetricsRegistry('bench'),
});
const retrieveService = protos.retrieve().RetrieveService.service;
const unused = async () => {
  throw new Error('not used by this benchmark');
};
upstream.addService('ragfleet.retrieve.v1.RetrieveService', retrieveService, {
  ...Object.fromEntries(Object.keys(retrieveService).map((method) => [method, unused])),
  GetJob: async (request: { id: string }) => ({
    job: {
      id: request.id,
      state: 'JOB_STATE_SUCCEEDED',
      documentIds: ['a'],
      documentsDone: 1,
      chunksIndexed: 3,
    },
  }),
});
const upstreamPort = await upstream.listen(0, '127.0.0.1');
upstream.setServing(true);
const address = `127.0.0.1:${upstreamPort}`;
const retrieve = new RetrieveClient(address);
const generate = new GenerateClient(address);
const redis = connectRedis(redisUrl, logger);
await new Promise<void>((resolve) => redis.once('ready', () => resolve()));

function gatewayApp(edge: boolean) {
  const registry = createMetricsRegistry('gateway');
  return createApp({
    retrieve,
    generate,
    logger,
    registry,
    readiness: async () => ({ ready: true, checks: {} }),
    bodyLimit: '1mb',
    ...(edge
      ? {
          auth: new Authenticator({
            keys: new KeyDirectory({
              fileKeys: [
                {
                  id: 'bench',
                  hash: hashApiKey(KEY),
                  tenant: 'bench',
                  user: 'bench',
                  tier: 'premium',
                  scopes: ['*'],
                },
              ],
              store: new MemoryKeyStore(),
              cacheMs: 5_000,
            }),
            anonymousTier: 'premium',
          }),
          limiter: createRequestLimiter({
            redis,
            // High enough never to refuse: every request still pays both Redis windows.
            settings: {
              perMinute: { free: 1e9, standard: 1e9, premium: 1e9, enterprise: 10_000 },
              perDay: 1e9,
              maxConcurrentStreams: 10,
              prefix,
              timeoutMs: 1_000,
              streamLeaseMs: 60_000,
            },
            logger,
            registry,
          }),
        }
      : {}),
  });
}

async function listen(edge: boolean): Promise<{ server: Server; url: string }> {
  const server = createServer(gatewayApp(edge));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/jobs/job-1` };
}

/** One fixed-rate autocannon run; latencies taken from each response at microsecond resolution. */
async function run(url: string, headers: Record<string, string>, duration: number) {
  const samples: number[] = [];
  const result = await autocannon({
    url,
    headers,
    connections: 10,
    overallRate: rate,
    duration,
    setupClient: (client) => {
      client.on('response', (status: number, _bytes: number, responseTime: number) => {
        if (status === 200) samples.push(responseTime);
      });
    },
  });
  samples.sort((a, b) => a - b);
  return {
    requests: result.requests.total,
    non2xx: result.non2xx,
    p50_ms: Number(percentile(samples, 50).toFixed(3)),
    p99_ms: Number(percentile(samples, 99).toFixed(3)),
    autocannon_p50_ms: result.latency.p50,
    autocannon_p99_ms: result.latency.p99,
  };
}

const plain = await listen(false);
const edge = await listen(true);
const variants = {
  'no auth, no limits': { url: plain.url, headers: {} },
  'API key + Redis limits': { url: edge.url, headers: { authorization: `Bearer ${KEY}` } },
};
try {
  for (const variant of Object.values(variants)) await run(variant.url, variant.headers, 2); // warm-up
  const results: Record<string, Array<Awaited<ReturnType<typeof run>>>> = {};
  // Alternate the variants so drift in machine load hits both alike.
  for (let round = 0; round < rounds; round++) {
    for (const [name, variant] of Object.entries(variants)) {
      (results[name] ??= []).push(await run(variant.url, variant.headers, seconds));
    }
  }
  const summary = Object.fromEntries(
    Object.entries(results).map(([name, runs]) => [
      name,
      {
        requests: runs.reduce((sum, r) => sum + r.requests, 0),
        non2xx: runs.reduce((sum, r) => sum + r.non2xx, 0),
        p50_ms: Number((runs.reduce((sum, r) => sum + r.p50_ms, 0) / runs.length).toFixed(3)),
        p99_ms: Number((runs.reduce((sum, r) => sum + r.p99_ms, 0) / runs.length).toFixed(3)),
        runs,
      },
    ]),
  );
  const base = summary['no auth, no limits'];
  const withEdge = summary['API key + Redis limits'];
  const report = {
    rate,
    seconds,
    rounds,
    route: 'GET /v1/jobs/:id',
    summary,
    added_p50_ms: base && withEdge ? Number((withEdge.p50_ms - base.p50_ms).toFixed(3)) : null,
    added_p99_ms: base && withEdge ? Number((withEdge.p99_ms - base.p99_ms).toFixed(3)) : null,
  };
  console.table(
    Object.fromEntries(
      Object.entries(summary).map(([name, s]) => [
        name,
        { requests: s.requests, non2xx: s.non2xx, p50_ms: s.p50_ms, p99_ms: s.p99_ms },
      ]),
    ),
  );
  console.log(`added at p50: ${report.added_p50_ms} ms, at p99: ${report.added_p99_ms} ms`);
  console.log(`report: ${writeReport('gateway-overhead', report)}`);
} finally {
  plain.server.close();
  edge.server.close();
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
  retrieve.close();
  generate.close();
  await upstream.close(100);
}
