import { afterEach, describe, expect, it } from '@jest/globals';
import { protos, type EmbedV1 } from '@ragfleet/protos';
import { createLogger, createMetricsRegistry } from '@ragfleet/telemetry';
import { freePort } from '@ragfleet/testing';
import { EmbedClient, GrpcServer } from '../src/index.ts';

/**
 * An upstream that restarts on the same port (a redeploy, a crash and restart): the client's
 * channel must find it again quickly, and a call made meanwhile should wait for it, not fail.
 */
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const cleanup: Array<() => Promise<void> | void> = [];

afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function startEmbed(port: number): Promise<GrpcServer> {
  const server = new GrpcServer({
    service: 'embed',
    logger: createLogger('embed', 'silent'),
    registry: createMetricsRegistry('embed'),
  });
  server.addService('ragfleet.embed.v1.EmbedService', protos.embed().EmbedService.service, {
    Embed: async (request: EmbedV1.EmbedRequest__Output) => ({
      embeddings: request.texts.map(() => ({ values: [1] })),
      model: 'm',
      dimensions: 1,
    }),
    ListModels: async () => ({ models: [] }),
  });
  await server.listen(port, '127.0.0.1');
  server.setServing(true);
  return server;
}

describe('a client while its upstream restarts', () => {
  it('succeeds again within 2 s of the restarted server being ready', async () => {
    const port = await freePort();
    let server = await startEmbed(port);
    const client = new EmbedClient(`127.0.0.1:${port}`);
    cleanup.push(() => client.close());
    await client.embed({ texts: ['warm'] });

    // Calls keep coming while the server is away; each ends in success or an error.
    const successes: number[] = [];
    let calling = true;
    const caller = (async () => {
      while (calling) {
        await client.embed({ texts: ['x'] }, { deadlineMs: 3_000 }).then(
          () => successes.push(Date.now()),
          () => undefined,
        );
        await sleep(20);
      }
    })();
    cleanup.push(async () => {
      calling = false;
      await caller;
    });

    await server.close(0);
    // Long enough for grpc-js's default backoff (1 s, x1.6 each time) to reach a 4 s wait.
    await sleep(5_500);
    server = await startEmbed(port);
    const readyAt = Date.now();
    cleanup.push(() => server.close(0));

    const deadline = readyAt + 10_000;
    while (!successes.some((at) => at >= readyAt) && Date.now() < deadline) await sleep(20);
    const firstSuccess = successes.find((at) => at >= readyAt);
    expect(firstSuccess).toBeDefined();
    expect((firstSuccess as number) - readyAt).toBeLessThan(2_000);
  }, 30_000);

  it('lets a call made while the upstream is down wait for it and succeed', async () => {
    const port = await freePort();
    const first = await startEmbed(port);
    const client = new EmbedClient(`127.0.0.1:${port}`);
    cleanup.push(() => client.close());
    await client.embed({ texts: ['warm'] });
    await first.close(0);

    // Not idempotent, so not retried: only waiting for the connection can make it succeed.
    const pending = client.grpc.unary<EmbedV1.EmbedResponse__Output>('Embed', { texts: ['during'] });
    await sleep(1_000);
    const second = await startEmbed(port);
    cleanup.push(() => second.close(0));
    await expect(pending).resolves.toMatchObject({ model: 'm' });
  }, 15_000);

  it('fails with SERVICE_UNAVAILABLE once the wait for a connection is over', async () => {
    const port = await freePort();
    const client = new EmbedClient(`127.0.0.1:${port}`, { readyTimeoutMs: 500, retries: 0 });
    cleanup.push(() => client.close());
    const started = Date.now();
    await expect(client.embed({ texts: ['a'] })).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
