import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { protos, type EmbedV1, type GenerateV1 } from '@ragfleet/protos';
import { RagfleetError } from '@ragfleet/errors';
import { createLogger, createMetricsRegistry, metricValue } from '@ragfleet/telemetry';
import { EmbedClient, GenerateClient, GrpcServer } from '../src/index.ts';

/** The caller's view of each hop: latency by upstream, method and code, and the retries it made. */
let server: GrpcServer;
let address: string;
let unavailableOnce = true;

beforeAll(async () => {
  server = new GrpcServer({
    service: 'test',
    logger: createLogger('test', 'silent'),
    registry: createMetricsRegistry('test-server'),
  });
  server.addService('ragfleet.embed.v1.EmbedService', protos.embed().EmbedService.service, {
    Embed: async (request: EmbedV1.EmbedRequest__Output) => {
      if (request.texts.includes('bad')) throw new RagfleetError('INVALID_ARGUMENT', 'bad text');
      if (request.texts.includes('flaky') && unavailableOnce) {
        unavailableOnce = false;
        throw new RagfleetError('SERVICE_UNAVAILABLE', 'restarting');
      }
      return { embeddings: request.texts.map(() => ({ values: [1] })), model: 'm', dimensions: 1 };
    },
    ListModels: async () => ({ models: [] }),
  });
  server.addService('ragfleet.generate.v1.GenerateService', protos.generate().GenerateService.service, {
    // Not called here: GrpcServer needs a handler for every method.
    Summarize: async () => ({}),
    Suggest: async () => ({}),
    Answer: async function* (request: GenerateV1.AnswerRequest__Output) {
      for (const word of request.query.split(' ')) yield { token: { text: word } };
    },
  });
  address = `127.0.0.1:${await server.listen(0, '127.0.0.1')}`;
  server.setServing(true);
});

afterAll(async () => {
  await server.close();
});

describe('gRPC client metrics', () => {
  it('times unary calls by upstream, method and result code', async () => {
    const registry = createMetricsRegistry('caller');
    const embed = new EmbedClient(address, { registry });
    await embed.embed({ texts: ['a'] });
    await expect(embed.embed({ texts: ['bad'] })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    const count = 'ragfleet_grpc_client_handling_seconds_count';
    expect(await metricValue(registry, count, { upstream: 'embed', method: 'Embed', code: 'OK' })).toBe(1);
    expect(
      await metricValue(registry, count, { upstream: 'embed', method: 'Embed', code: 'INVALID_ARGUMENT' }),
    ).toBe(1);
    embed.close();
  });

  it('counts a retry of an idempotent call and times the call once, retries included', async () => {
    const registry = createMetricsRegistry('caller');
    const embed = new EmbedClient(address, { registry });
    unavailableOnce = true;
    await embed.embed({ texts: ['flaky'] });
    expect(
      await metricValue(registry, 'ragfleet_grpc_client_retries_total', {
        upstream: 'embed',
        method: 'Embed',
      }),
    ).toBe(1);
    expect(
      await metricValue(registry, 'ragfleet_grpc_client_handling_seconds_count', {
        upstream: 'embed',
        code: 'OK',
      }),
    ).toBe(1);
    embed.close();
  });

  it('times a server stream to its end, and clients on one registry share the collectors', async () => {
    const registry = createMetricsRegistry('caller');
    const first = new GenerateClient(address, { registry });
    const second = new GenerateClient(address, { registry });
    for (const client of [first, second]) {
      const tokens: string[] = [];
      for await (const event of client.answer({ query: 'one two three' }))
        if (event.token) tokens.push(event.token.text);
      expect(tokens).toEqual(['one', 'two', 'three']);
    }
    expect(
      await metricValue(registry, 'ragfleet_grpc_client_handling_seconds_count', {
        upstream: 'generate',
        method: 'Answer',
        code: 'OK',
      }),
    ).toBe(2);
    first.close();
    second.close();
  });
});
