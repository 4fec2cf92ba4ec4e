import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { protos, type EmbedV1, type GenerateV1 } from '@ragfleet/protos';
import { RagfleetError } from '@ragfleet/errors';
import {
  createLogger,
  createMetricsRegistry,
  currentRequestContext,
  runWithRequestContext,
  startTracing,
} from '@ragfleet/telemetry';
import { EmbedClient, GenerateClient, GrpcServer } from '../src/index.ts';
import { TraceFlags, context as otelContext, trace } from '@opentelemetry/api';

const seen: Array<{ tenant: string; requestId: string; user?: string; tier?: string; traceId?: string }> = [];
let server: GrpcServer;
let embed: EmbedClient;
let generate: GenerateClient;

let stopTracing: () => Promise<void>;

beforeAll(async () => {
  stopTracing = await startTracing('test', {});
  server = new GrpcServer({
    service: 'test',
    logger: createLogger('test', 'silent'),
    registry: createMetricsRegistry('test'),
  });
  server.addService('ragfleet.embed.v1.EmbedService', protos.embed().EmbedService.service, {
    Embed: async (request: EmbedV1.EmbedRequest__Output, context) => {
      seen.push({
        tenant: context.tenant,
        requestId: context.requestId,
        user: currentRequestContext()?.user,
        tier: context.tier,
        traceId: trace.getSpanContext(otelContext.active())?.traceId,
      });
      expect(currentRequestContext()?.tenant).toBe(context.tenant);
      if (request.texts.includes('bad'))
        throw new RagfleetError('INVALID_ARGUMENT', 'bad text', { details: { field: 'texts' } });
      if (request.texts.includes('crash')) throw new Error('secret internal detail');
      if (request.texts.includes('réseau'))
        throw new RagfleetError('INVALID_ARGUMENT', 'unknown metric réseau – named by the caller', {
          details: { fields: [{ field: 'metrics.réseau', message: 'unknown metric – 🚫' }] },
        });
      return {
        embeddings: request.texts.map((text) => ({ values: [text.length] })),
        model: 'm',
        dimensions: 1,
      };
    },
    ListModels: async () => ({ models: [] }),
  });
  server.addService('ragfleet.generate.v1.GenerateService', protos.generate().GenerateService.service, {
    // Not called here: GrpcServer needs a handler for every method.
    Summarize: async () => ({}),
    Suggest: async () => ({}),
    Answer: async function* (request: GenerateV1.AnswerRequest__Output) {
      for (const word of request.query.split(' ')) yield { token: { text: word } };
      if (request.query.endsWith('fail')) throw new RagfleetError('PROVIDER_FAILED', 'mid-stream failure');
    },
  });
  const port = await server.listen(0, '127.0.0.1');
  server.setServing(true);
  embed = new EmbedClient(`127.0.0.1:${port}`);
  generate = new GenerateClient(`127.0.0.1:${port}`);
});

afterAll(async () => {
  await stopTracing();
  embed.close();
  generate.close();
  await server.close();
});

describe('GrpcServer and typed clients', () => {
  it('carries tenant and request id in metadata', async () => {
    const response = await runWithRequestContext(
      { requestId: 'req-1', tenant: 'acme', user: 'ada', tier: 'premium' },
      () => embed.embed({ texts: ['abc', 'de'] }),
    );
    expect(response.embeddings.map((e) => e.values[0])).toEqual([3, 2]);
    expect(seen.at(-1)).toEqual({ tenant: 'acme', requestId: 'req-1', user: 'ada', tier: 'premium' });
  });

  it('carries W3C trace context to the handler', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const parent = trace.setSpanContext(otelContext.active(), {
      traceId,
      spanId: '00f067aa0ba902b7',
      traceFlags: TraceFlags.SAMPLED,
    });
    await otelContext.with(parent, () => embed.embed({ texts: ['x'] }));
    expect(seen.at(-1)?.traceId).toBe(traceId);
  });

  it('maps a RagfleetError to a status and back with its code and details', async () => {
    await expect(embed.embed({ texts: ['bad'] })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: 'bad text',
      details: { field: 'texts' },
    });
  });

  it('carries details and a message with characters outside ASCII (metadata takes ASCII only)', async () => {
    await expect(embed.embed({ texts: ['réseau'] }, { deadlineMs: 3_000 })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: 'unknown metric réseau – named by the caller',
      details: { fields: [{ field: 'metrics.réseau', message: 'unknown metric – 🚫' }] },
    });
  });

  it('hides internal failure detail from the caller', async () => {
    const error = await embed.embed({ texts: ['crash'] }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'INTERNAL', message: 'Internal error' });
    expect(JSON.stringify(error)).not.toContain('secret');
  });

  it('streams messages and ends a failed stream with the error code', async () => {
    const tokens: string[] = [];
    for await (const event of generate.answer({ query: 'a b c' })) tokens.push(event.token?.text ?? '');
    expect(tokens).toEqual(['a', 'b', 'c']);
    const received: string[] = [];
    const failing = (async () => {
      for await (const event of generate.answer({ query: 'x fail' })) received.push(event.token?.text ?? '');
    })();
    await expect(failing).rejects.toMatchObject({ code: 'PROVIDER_FAILED' });
    expect(received).toEqual(['x', 'fail']);
  });

  it('reports SERVICE_UNAVAILABLE when nothing listens', async () => {
    const nowhere = new EmbedClient('127.0.0.1:1', { retries: 0 });
    await expect(nowhere.embed({ texts: ['a'] }, { deadlineMs: 2000 })).rejects.toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
    });
    nowhere.close();
  });
});
