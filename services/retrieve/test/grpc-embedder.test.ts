import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EmbedClient, GrpcServer } from '@ragfleet/grpc';
import { protos, type EmbedV1 } from '@ragfleet/protos';
import { createLogger, createMetricsRegistry } from '@ragfleet/telemetry';
import { GrpcEmbedder } from '../src/adapters/grpc-embedder.ts';

const requests: EmbedV1.EmbedRequest__Output[] = [];
let server: GrpcServer;
let client: EmbedClient;

beforeAll(async () => {
  server = new GrpcServer({
    service: 'fake-embed',
    logger: createLogger('test', 'silent'),
    registry: createMetricsRegistry('t'),
  });
  server.addService('ragfleet.embed.v1.EmbedService', protos.embed().EmbedService.service, {
    // Answers slower for earlier batches, so out-of-order completion would show up as wrong order.
    Embed: async (request: EmbedV1.EmbedRequest__Output) => {
      requests.push(request);
      await new Promise((resolve) => setTimeout(resolve, request.texts.length > 30 ? 30 : 1));
      return {
        embeddings: request.texts.map((text) => ({ values: [Number(text.slice(1)), 1] })),
        model: 'fake',
        dimensions: 2,
      };
    },
    ListModels: async () => ({ models: [] }),
  });
  const port = await server.listen(0, '127.0.0.1');
  client = new EmbedClient(`127.0.0.1:${port}`);
});

afterAll(async () => {
  client.close();
  await server.close();
});

describe('GrpcEmbedder', () => {
  it('embeds in batches of the configured size and keeps input order', async () => {
    const embedder = new GrpcEmbedder(client, { model: '', batchSize: 64, concurrency: 2 });
    const texts = Array.from({ length: 150 }, (_, i) => `t${i}`);
    const vectors = await embedder.embed(texts);
    expect(vectors.map((vector) => vector[0])).toEqual(texts.map((_, i) => i));
    expect(requests.map((request) => request.texts.length).sort((a, b) => a - b)).toEqual([22, 64, 64]);
    expect(requests.every((request) => request.model === '')).toBe(true);
    expect(embedder.model).toBe('default');
  });

  it('names the configured model in its calls', async () => {
    requests.length = 0;
    await new GrpcEmbedder(client, { model: 'nomic-embed-text' }).embed(['t1']);
    expect(requests[0]?.model).toBe('nomic-embed-text');
  });
});
