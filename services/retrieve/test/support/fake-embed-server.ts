import { GrpcServer } from '@ragfleet/grpc';
import { protos, type EmbedV1 } from '@ragfleet/protos';
import { createLogger, createMetricsRegistry } from '@ragfleet/telemetry';
import { HashingEmbedder } from './hashing-embedder.ts';

export interface FakeEmbedServer {
  /** Embed calls answered so far. */
  readonly calls: number;
  close(): Promise<void>;
}

/**
 * An embed service on the given loopback port that answers with the hashing embedder's vectors,
 * after `delayMs` per call (so that a test can catch a job mid-way). Retrieve reaches it through
 * its real gRPC client, as it reaches the real embed.
 */
export async function startFakeEmbedServer(
  port: number,
  options: { delayMs?: number } = {},
): Promise<FakeEmbedServer> {
  const hashing = new HashingEmbedder();
  let calls = 0;
  const server = new GrpcServer({
    service: 'embed',
    logger: createLogger('fake-embed', 'silent'),
    registry: createMetricsRegistry('fake_embed'),
  });
  server.addService('ragfleet.embed.v1.EmbedService', protos.embed().EmbedService.service, {
    Embed: async (request: EmbedV1.EmbedRequest__Output) => {
      if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      calls += 1;
      const vectors = await hashing.embed(request.texts);
      return {
        embeddings: vectors.map((values) => ({ values })),
        model: hashing.model,
        dimensions: hashing.dimensions,
      };
    },
    ListModels: async () => ({ models: [] }),
  });
  await server.listen(port, '127.0.0.1');
  server.setServing(true);
  return {
    get calls() {
      return calls;
    },
    close: () => server.close(),
  };
}
