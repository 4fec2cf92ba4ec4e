import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GrpcServer, RouterClient } from '@ragfleet/grpc';
import { protos } from '@ragfleet/protos';
import { createLogger, createMetricsRegistry } from '@ragfleet/telemetry';
import { join } from 'node:path';
import { loadCatalogFile } from '../src/adapters/catalog-file.ts';
import { RoutePolicy } from '../src/domain/route-policy.ts';
import { routerHandlers } from '../src/grpc/router-handlers.ts';

let server: GrpcServer;
let client: RouterClient;
const routed: Array<[string, string]> = [];

beforeAll(async () => {
  const catalog = loadCatalogFile(join(import.meta.dirname, '../catalog.json'));
  const policy = new RoutePolicy(catalog, new Set(['extractive', 'ollama', 'anthropic']));
  server = new GrpcServer({
    service: 'router',
    logger: createLogger('router', 'silent'),
    registry: createMetricsRegistry('router'),
  });
  server.addService(
    'ragfleet.router.v1.RouterService',
    protos.router().RouterService.service,
    routerHandlers(policy, { routed: (tier, provider) => routed.push([tier, provider]) }),
  );
  const port = await server.listen(0, '127.0.0.1');
  client = new RouterClient(`127.0.0.1:${port}`);
});

afterAll(async () => {
  client.close();
  await server.close();
});

describe('RouterService over gRPC', () => {
  it('routes a complex premium query to the strongest model with a reason', async () => {
    const response = await client.route({
      query:
        'Explain why hybrid search beats BM25 alone, and compare it with pure vector search for long documents?',
      tier: 'premium',
    });
    expect(response.chain[0]).toMatchObject({
      provider: 'anthropic',
      model: 'claude-sonnet-4-6',
      outputPricePerMtok: 15,
    });
    expect(response.chain.at(-1)).toMatchObject({ provider: 'extractive', model: 'extractive-v1' });
    expect(response.reason).toContain('strongest model first');
    expect(routed.at(-1)).toEqual(['premium', 'anthropic']);
  });

  it('answers an unknown tier with INVALID_ARGUMENT', async () => {
    await expect(client.route({ query: 'hello', tier: 'platinum' })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });

  it('lists the enabled models', async () => {
    const response = await client.listModels();
    expect(response.models.map((model) => model.model)).toEqual([
      'extractive-v1',
      'llama3.2',
      'claude-haiku-4-5',
      'claude-sonnet-4-6',
    ]);
  });
});
