import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { EmbedClient } from '@ragfleet/grpc';
import { freePort, startFakeOllama, uniqueSuffix, waitFor, type FakeOllama } from '@ragfleet/testing';

const MAIN = new URL('../src/main.ts', import.meta.url).pathname;
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `test:embed-e2e:${uniqueSuffix()}:`;

let child: ChildProcess;
let client: EmbedClient;
let fake: FakeOllama;
let opsPort: number;
let output = '';

beforeAll(async () => {
  fake = await startFakeOllama({ dimensions: 16 });
  const grpcPort = await freePort();
  opsPort = await freePort();
  child = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      GRPC_PORT: String(grpcPort),
      METRICS_PORT: String(opsPort),
      EMBED_WORKERS: '1',
      EMBED_BATCH_SIZE: '4',
      REDIS_URL,
      EMBED_CACHE_PREFIX: prefix,
      OLLAMA_HOST: fake.url,
      OLLAMA_EMBED_MODEL: 'nomic-embed-text',
      EMBED_DEFAULT_PROVIDER: 'local',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitFor(() => output.includes('embed ready'), 60_000).catch((error: unknown) => {
    throw new Error(`embed did not start: ${String(error)}\n${output}`);
  });
  client = new EmbedClient(`127.0.0.1:${grpcPort}`);
}, 70_000);

afterAll(async () => {
  client?.close();
  if (child && child.exitCode === null) {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
  await fake?.close();
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

describe('embed service over gRPC', () => {
  it('lists the local default and the Ollama model', async () => {
    const { models } = await client.listModels();
    expect(models).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: 'use-lite-512',
          provider: 'local',
          dimensions: 512,
          isDefault: true,
        }),
        expect.objectContaining({ name: 'nomic-embed-text', provider: 'ollama', isDefault: false }),
      ]),
    );
  });

  it('embeds with the default model, then serves the same texts from the Redis cache', async () => {
    const texts = [
      'Wind tunnel tests of a delta wing.',
      'Heat transfer in laminar flow.',
      'Wind tunnel tests of a delta wing.',
    ];
    const first = await client.embed({ texts });
    expect(first).toMatchObject({ model: 'use-lite-512', dimensions: 512, cacheHits: 0 });
    expect(first.embeddings).toHaveLength(3);
    expect(first.embeddings[2]!.values).toEqual(first.embeddings[0]!.values);

    const second = await client.embed({ texts: [texts[1]!, texts[0]!] });
    expect(second.cacheHits).toBe(2);
    expect(second.embeddings[0]!.values).toEqual(first.embeddings[1]!.values);
  });

  it('embeds with Ollama when the request names its model', async () => {
    const response = await client.embed({
      texts: ['one', 'two', 'three', 'four', 'five'],
      model: 'nomic-embed-text',
    });
    expect(response).toMatchObject({ model: 'nomic-embed-text', dimensions: 16 });
    // Batch size 4: five texts are two calls to Ollama.
    const calls = fake.requests.filter((request) => request.path === '/api/embed');
    expect(calls.map((call) => (call.body as { input: string[] }).input.length)).toEqual([4, 1]);
  });

  it('rejects bad input with INVALID_ARGUMENT and the field', async () => {
    await expect(client.embed({ texts: [] })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      details: { field: 'texts' },
    });
    await expect(client.embed({ texts: ['fine', ''] })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      details: { field: 'texts[1]' },
    });
    await expect(client.embed({ texts: ['x'], model: 'no-such-model' })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      details: { field: 'model' },
    });
  });

  it('exposes its metrics', async () => {
    const metrics = await (await fetch(`http://127.0.0.1:${opsPort}/metrics`)).text();
    expect(metrics).toMatch(/ragfleet_embed_texts_total\{[^}]*model="use-lite-512"[^}]*\} 2$/m);
    expect(metrics).toMatch(/ragfleet_embed_cache_hits_total\{[^}]*\} 2$/m);
    expect(metrics).toContain('ragfleet_embed_batch_size_bucket');
    expect(metrics).toMatch(/ragfleet_embed_duration_seconds_count\{[^}]*provider="ollama"[^}]*\} 2$/m);
  });

  it('shuts down cleanly on SIGTERM', async () => {
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
  });
});
