import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { protos, type GenerateV1 } from '@ragfleet/protos';
import { createLogger, createMetricsRegistry } from '@ragfleet/telemetry';
import { waitFor } from '@ragfleet/testing';
import { GenerateClient, GrpcServer } from '../src/index.ts';

/**
 * A stream whose upstream stays connected but goes silent (a frozen process, a stuck provider):
 * the client must not wait for the deadline; past the idle limit it cancels the call and says so.
 */
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let server: GrpcServer;
let client: GenerateClient;
const cancelled: string[] = [];

beforeAll(async () => {
  server = new GrpcServer({
    service: 'generate',
    logger: createLogger('generate', 'silent'),
    registry: createMetricsRegistry('generate'),
  });
  server.addService('ragfleet.generate.v1.GenerateService', protos.generate().GenerateService.service, {
    // Not called here: GrpcServer needs a handler for every method.
    Summarize: async () => ({}),
    Suggest: async () => ({}),
    Answer: async function* (request: GenerateV1.AnswerRequest__Output, context) {
      const words = request.query.split(' ');
      const silentAfter = words[0] === 'mute' ? 0 : words[0] === 'freeze' ? 1 : Infinity;
      for (const [index, word] of words.entries()) {
        if (index === silentAfter) {
          // Frozen: nothing more until the caller gives up.
          await new Promise((resolve) => context.signal.addEventListener('abort', resolve, { once: true }));
          cancelled.push(request.query);
          return;
        }
        yield { token: { text: word } };
      }
    },
  });
  const port = await server.listen(0, '127.0.0.1');
  client = new GenerateClient(`127.0.0.1:${port}`, { idleTimeoutMs: 300 });
});

afterAll(async () => {
  client.close();
  await server.close(0);
});

async function read(query: string, pauseMs = 0): Promise<{ texts: string[]; error?: unknown; ms: number }> {
  const started = Date.now();
  const texts: string[] = [];
  try {
    for await (const event of client.answer({ query }, { deadlineMs: 10_000 })) {
      texts.push(event.token?.text ?? '');
      await sleep(pauseMs);
    }
    return { texts, ms: Date.now() - started };
  } catch (error) {
    return { texts, error, ms: Date.now() - started };
  }
}

describe('the idle limit on gRPC streams', () => {
  it('cancels a stream that goes silent mid-answer with a retryable UPSTREAM_TIMEOUT', async () => {
    const { texts, error, ms } = await read('freeze now please');
    expect(texts).toEqual(['freeze']);
    expect(error).toMatchObject({
      code: 'UPSTREAM_TIMEOUT',
      retryable: true,
      details: { upstream: 'generate', idle_timeout_ms: 300 },
    });
    expect(ms).toBeLessThan(3_000);
    // The upstream call is cancelled, not left running.
    await waitFor(() => cancelled.includes('freeze now please'), 3_000);
  });

  it('cancels a stream that never sends its first message', async () => {
    const { texts, error } = await read('mute');
    expect(texts).toEqual([]);
    expect(error).toMatchObject({ code: 'UPSTREAM_TIMEOUT' });
    await waitFor(() => cancelled.includes('mute'), 3_000);
  });

  it('does not count the time the caller spends on each message', async () => {
    const { texts, error } = await read('a slow reader', 500);
    expect(error).toBeUndefined();
    expect(texts).toEqual(['a', 'slow', 'reader']);
  });

  it('takes a per-call limit over the client default', async () => {
    const started = Date.now();
    const events = client.answer({ query: 'mute' }, { idleTimeoutMs: 1_200, deadlineMs: 10_000 });
    await expect(events.next()).rejects.toMatchObject({ code: 'UPSTREAM_TIMEOUT' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_100);
  });
});
