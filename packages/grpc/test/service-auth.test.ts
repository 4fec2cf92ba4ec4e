import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Metadata, credentials, makeClientConstructor, status, type ServiceError } from '@grpc/grpc-js';
import { service as healthService } from 'grpc-health-check';
import { protos, type EmbedV1, type GenerateV1 } from '@ragfleet/protos';
import {
  createLogger,
  createMetricsRegistry,
  runWithRequestContext,
  type Registry,
} from '@ragfleet/telemetry';
import {
  EmbedClient,
  GenerateClient,
  GrpcServer,
  ServiceTokens,
  Transport,
  type CallContext,
} from '../src/index.ts';

/**
 * An authenticated embed server: every call must carry a token signed with the fleet key for
 * "embed"; the identity handlers see comes from that token only.
 */
const fleetKey = randomBytes(32);
const previousKey = randomBytes(32);
const seen: Array<Pick<CallContext, 'tenant' | 'user' | 'tier' | 'requestId' | 'caller'>> = [];
let streamsStarted = 0;
let registry: Registry;
let server: GrpcServer;
let address: string;
const clients: Array<{ close(): void }> = [];

function remember<T extends { close(): void }>(client: T): T {
  clients.push(client);
  return client;
}

function transport(service: string, keys: Buffer[], now?: () => number): Transport {
  return Transport.create({ service, keys, now });
}

/** A raw Embed call with exactly the metadata given: what any process reaching the port could send. */
function rawEmbed(metadata: Metadata): Promise<ServiceError | undefined> {
  const raw = remember(new (protos.embed().EmbedService)(address, credentials.createInsecure()));
  return new Promise((resolve) =>
    raw.Embed({ texts: ['x'] }, metadata, { deadline: Date.now() + 5_000 }, (error) =>
      resolve(error ?? undefined),
    ),
  );
}

async function refusals(reason: string): Promise<number> {
  const metric = await registry.getSingleMetric('ragfleet_grpc_server_unauthenticated_total')?.get();
  const value = metric?.values.find(
    (entry) =>
      entry.labels.reason === reason && entry.labels.method === 'ragfleet.embed.v1.EmbedService/Embed',
  );
  return value?.value ?? 0;
}

beforeAll(async () => {
  registry = createMetricsRegistry('embed');
  server = new GrpcServer({
    service: 'embed',
    logger: createLogger('embed', 'silent'),
    registry,
    transport: transport('embed', [fleetKey, previousKey]),
  });
  server.addService('ragfleet.embed.v1.EmbedService', protos.embed().EmbedService.service, {
    Embed: async (request: EmbedV1.EmbedRequest__Output, context) => {
      seen.push({
        tenant: context.tenant,
        user: context.user,
        tier: context.tier,
        requestId: context.requestId,
        caller: context.caller,
      });
      return { embeddings: request.texts.map(() => ({ values: [1] })), model: 'm', dimensions: 1 };
    },
    ListModels: async () => ({ models: [] }),
  });
  server.addService('ragfleet.generate.v1.GenerateService', protos.generate().GenerateService.service, {
    // Not called here: GrpcServer needs a handler for every method.
    Summarize: async () => ({}),
    Suggest: async () => ({}),
    Answer: async function* (_request: GenerateV1.AnswerRequest__Output) {
      streamsStarted++;
      yield { token: { text: 'hello' } };
    },
  });
  const port = await server.listen(0, '127.0.0.1');
  server.setServing(true);
  address = `127.0.0.1:${port}`;
});

afterAll(async () => {
  for (const client of clients) client.close();
  await server.close();
});

describe('service tokens between services', () => {
  it('runs a call signed with the fleet key as the identity in the token', async () => {
    const client = remember(new EmbedClient(address, { transport: transport('gateway', [fleetKey]) }));
    await runWithRequestContext({ requestId: 'req-7', tenant: 'acme', user: 'ada', tier: 'premium' }, () =>
      client.embed({ texts: ['a'] }),
    );
    expect(seen.at(-1)).toEqual({
      tenant: 'acme',
      user: 'ada',
      tier: 'premium',
      requestId: 'req-7',
      caller: 'gateway',
    });
  });

  it('takes the tenant from the token, never from x-tenant-id or other caller-set metadata', async () => {
    const tokens = new ServiceTokens({ keys: [fleetKey] });
    const metadata = new Metadata();
    metadata.set('authorization', `Bearer ${tokens.sign('embed', { caller: 'gateway', tenant: 'acme' })}`);
    metadata.set('x-tenant-id', 'victim');
    metadata.set('x-user-id', 'mallory');
    metadata.set('x-user-tier', 'premium');
    expect(await rawEmbed(metadata)).toBeUndefined();
    expect(seen.at(-1)).toMatchObject({ tenant: 'acme', user: undefined, tier: undefined });
  });

  it('refuses a call without a token with UNAUTHENTICATED before any handler runs, and counts it', async () => {
    const before = seen.length;
    const refusedBefore = await refusals('missing');
    const metadata = new Metadata();
    metadata.set('x-tenant-id', 'victim');
    expect((await rawEmbed(metadata))?.code).toBe(status.UNAUTHENTICATED);
    const client = remember(new EmbedClient(address)); // development transport: no token
    await expect(client.embed({ texts: ['a'] })).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      details: { reason: 'missing' },
    });
    expect(seen.length).toBe(before);
    expect(await refusals('missing')).toBe(refusedBefore + 2);
  });

  it('refuses a token signed with another key', async () => {
    const client = remember(new EmbedClient(address, { transport: transport('gateway', [randomBytes(32)]) }));
    await expect(client.embed({ texts: ['a'] })).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      details: { reason: 'unknown_key' },
    });
  });

  it('refuses a token whose claims were changed after signing', async () => {
    const tokens = new ServiceTokens({ keys: [fleetKey] });
    const [header, payload, signature] = tokens
      .sign('embed', { caller: 'gateway', tenant: 'acme' })
      .split('.');
    const claims = JSON.parse(Buffer.from(payload as string, 'base64url').toString()) as Record<
      string,
      unknown
    >;
    const forged = Buffer.from(JSON.stringify({ ...claims, tenant: 'victim' })).toString('base64url');
    const metadata = new Metadata();
    metadata.set('authorization', `Bearer ${header}.${forged}.${signature}`);
    const before = await refusals('signature');
    expect((await rawEmbed(metadata))?.code).toBe(status.UNAUTHENTICATED);
    expect(await refusals('signature')).toBe(before + 1);
  });

  it('refuses an expired token', async () => {
    const elevenMinutesAgo = () => Date.now() - 11 * 60_000;
    const client = remember(
      new EmbedClient(address, { transport: transport('gateway', [fleetKey], elevenMinutesAgo) }),
    );
    await expect(client.embed({ texts: ['a'] })).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      details: { reason: 'expired' },
    });
  });

  it('refuses a token addressed to another service', async () => {
    const client = remember(
      new EmbedClient(address, { transport: transport('gateway', [fleetKey]), audience: 'retrieve' }),
    );
    await expect(client.embed({ texts: ['a'] })).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      details: { reason: 'audience' },
    });
  });

  it('refuses a bearer value that is not a token', async () => {
    const metadata = new Metadata();
    metadata.set('authorization', 'Bearer not-a-jwt');
    expect((await rawEmbed(metadata))?.code).toBe(status.UNAUTHENTICATED);
  });

  it('accepts the previous key during a rotation', async () => {
    const client = remember(new EmbedClient(address, { transport: transport('retrieve', [previousKey]) }));
    await runWithRequestContext({ requestId: 'job-1', tenant: 'acme' }, () => client.embed({ texts: ['a'] }));
    expect(seen.at(-1)).toMatchObject({ tenant: 'acme', caller: 'retrieve', requestId: 'job-1' });
  });

  it('refuses an unauthenticated stream before its handler starts', async () => {
    const started = streamsStarted;
    const anonymous = remember(new GenerateClient(address, { audience: 'embed' }));
    const read = async () => {
      for await (const _event of anonymous.answer({ query: 'q' })) {
        // nothing should arrive
      }
    };
    await expect(read()).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(streamsStarted).toBe(started);
    const signed = remember(
      new GenerateClient(address, { audience: 'embed', transport: transport('gateway', [fleetKey]) }),
    );
    const texts: string[] = [];
    for await (const event of signed.answer({ query: 'q' })) texts.push(event.token?.text ?? '');
    expect(texts).toEqual(['hello']);
  });

  it("does not pass an upstream refusal on as UNAUTHENTICATED: the caller's credentials were fine", async () => {
    // A "generate" whose own call to embed is refused (it signs with the wrong key).
    const generate = new GrpcServer({
      service: 'generate',
      logger: createLogger('generate', 'silent'),
      registry: createMetricsRegistry('generate'),
      transport: transport('generate', [fleetKey]),
    });
    const misconfigured = remember(
      new EmbedClient(address, { transport: transport('generate', [randomBytes(32)]) }),
    );
    generate.addService('ragfleet.generate.v1.GenerateService', protos.generate().GenerateService.service, {
      // Not called here: GrpcServer needs a handler for every method.
      Summarize: async () => ({}),
      Suggest: async () => ({}),
      Answer: async function* () {
        await misconfigured.embed({ texts: ['q'] });
        yield { token: { text: 'never' } };
      },
    });
    const port = await generate.listen(0, '127.0.0.1');
    try {
      const gateway = remember(
        new GenerateClient(`127.0.0.1:${port}`, { transport: transport('gateway', [fleetKey]) }),
      );
      await expect(gateway.answer({ query: 'q' }).next()).rejects.toMatchObject({ code: 'INTERNAL' });
    } finally {
      await generate.close(0);
    }
  });

  it('leaves grpc.health.v1 open for probes', async () => {
    const HealthClient = makeClientConstructor(healthService as never, 'grpc.health.v1.Health');
    const health = remember(new HealthClient(address, credentials.createInsecure())) as unknown as {
      Check(
        request: { service: string },
        callback: (error: Error | null, response?: { status: string }) => void,
      ): void;
      close(): void;
    };
    const response = await new Promise<{ status: string } | undefined>((resolve, reject) =>
      health.Check({ service: '' }, (error, result) => (error ? reject(error) : resolve(result))),
    );
    expect(response?.status).toBe('SERVING');
  });
});
