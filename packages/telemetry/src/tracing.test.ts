import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { trace } from '@opentelemetry/api';
import { extractTraceContext, startTracing, withServerSpan } from './tracing.ts';

/*
 * Without an exporter no span is recorded, but the API still carries the caller's span context
 * into the handler: enough to check that a server span continues the caller's trace (the
 * recorded spans themselves are checked end to end by test/tracing/one-trace.test.ts).
 */
const CALLER = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
let stop: () => Promise<void>;

beforeAll(async () => {
  stop = await startTracing('test', {});
});

afterAll(async () => {
  await stop();
});

describe('withServerSpan', () => {
  it("runs the handler in the caller's trace", async () => {
    const seen = await withServerSpan(
      'POST /v1/rag',
      extractTraceContext({ traceparent: CALLER }),
      async () => trace.getActiveSpan()?.spanContext(),
    );
    expect(seen?.traceId).toBe('0af7651916cd43dd8448eb211c80319c');
  });

  it("leaves an untraced call without a span, as running in the caller's context would", async () => {
    const seen = await withServerSpan('POST /v1/rag', extractTraceContext({}), async () =>
      trace.getActiveSpan(),
    );
    expect(seen).toBeUndefined();
  });

  it("passes the handler's failure on", async () => {
    await expect(
      withServerSpan('ragfleet.v1.Embed/Embed', extractTraceContext({}), async () => {
        throw new Error('model unavailable');
      }),
    ).rejects.toThrow('model unavailable');
  });
});
