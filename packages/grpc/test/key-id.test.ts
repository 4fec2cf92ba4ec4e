import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Metadata, credentials } from '@grpc/grpc-js';
import { protos, type EmbedV1 } from '@ragfleet/protos';
import { createLogger, createMetricsRegistry, runWithRequestContext } from '@ragfleet/telemetry';
import {
  EmbedClient,
  GenerateClient,
  GrpcServer,
  ServiceTokens,
  Transport,
  type CallContext,
  type CallerContext,
} from '../src/index.ts';

/**
 * The API key id travels like the tenant: in the service token, re-entered by GrpcServer for the
 * handler and for the calls the handler makes (gateway → generate → embed here, as gateway →
 * generate → router for budgets). An authenticated service takes it from the token only.
 */
const fleetKey = randomBytes(32);
const seenByEmbed: Array<Pick<CallContext, 'tenant' | 'user' | 'keyId' | 'caller'>> = [];
const seenByGenerate: Array<Pick<CallContext, 'tenant' | 'keyId'>> = [];
const servers: GrpcServer[] = [];
const clients: Array<{ close(): void }> = [];
let embedAddress: string;
let generateAddress: string;

const transport = (service: string) => Transport.create({ service, keys: [fleetKey] });

function remember<T extends { close(): void }>(client: T): T {
  clients.push(client);
  return client;
}

async function serve(service: string, setup: (server: GrpcServer) => void): Promise<string> {
  const server = new GrpcServer({
    service,
    logger: createLogger(service, 'silent'),
    registry: createMetricsRegistry(service),
    transport: transport(service),
  });
  setup(server);
  servers.push(server);
  const port = await server.listen(0, '127.0.0.1');
  server.setServing(true);
  return `127.0.0.1:${port}`;
}

beforeAll(async () => {
  embedAddress = await serve('embed', (server) =>
    server.addService('ragfleet.embed.v1.EmbedService', protos.embed().EmbedService.service, {
      Embed: async (request: EmbedV1.EmbedRequest__Output, context) => {
        seenByEmbed.push({
          tenant: context.tenant,
          user: context.user,
          keyId: context.keyId,
          caller: context.caller,
        });
        return { embeddings: request.texts.map(() => ({ values: [1] })), model: 'm', dimensions: 1 };
      },
      ListModels: async () => ({ models: [] }),
    }),
  );
  const embedFromGenerate = remember(new EmbedClient(embedAddress, { transport: transport('generate') }));
  generateAddress = await serve('generate', (server) =>
    server.addService('ragfleet.generate.v1.GenerateService', protos.generate().GenerateService.service, {
      Summarize: async () => ({}),
      Suggest: async () => ({}),
      Answer: async function* (_request: unknown, context: CallContext) {
        seenByGenerate.push({ tenant: context.tenant, keyId: context.keyId });
        await embedFromGenerate.embed({ texts: ['q'] });
        yield { token: { text: 'ok' } };
      },
    }),
  );
});

afterAll(async () => {
  for (const client of clients) client.close();
  for (const server of servers) await server.close(0);
});

async function answerAs(context: CallerContext): Promise<void> {
  const generate = remember(new GenerateClient(generateAddress, { transport: transport('gateway') }));
  await runWithRequestContext(context, async () => {
    for await (const _event of generate.answer({ query: 'q' })) {
      // drained: the handler's embed call has happened when the stream ends
    }
  });
}

describe('the API key id through the fleet', () => {
  it('reaches the handler and every onward hop from the token', async () => {
    await answerAs({ requestId: 'r-key', tenant: 'acme', user: 'ada', keyId: 'key-ada' });
    expect(seenByGenerate.at(-1)).toEqual({ tenant: 'acme', keyId: 'key-ada' });
    expect(seenByEmbed.at(-1)).toEqual({ tenant: 'acme', user: 'ada', keyId: 'key-ada', caller: 'generate' });
  });

  it('is absent for a caller without a key (JWT or anonymous), on every hop', async () => {
    await answerAs({ requestId: 'r-jwt', tenant: 'acme', user: 'sub-1' });
    expect(seenByGenerate.at(-1)).toEqual({ tenant: 'acme', keyId: undefined });
    expect(seenByEmbed.at(-1)).toMatchObject({ user: 'sub-1', keyId: undefined });
  });

  it('cannot be forged with x-key-id metadata beside a token that names none, or another one', async () => {
    const tokens = new ServiceTokens({ keys: [fleetKey] });
    const embedRaw = async (token: string) => {
      const raw = remember(new (protos.embed().EmbedService)(embedAddress, credentials.createInsecure()));
      const metadata = new Metadata();
      metadata.set('authorization', `Bearer ${token}`);
      metadata.set('x-key-id', 'key-of-someone-else');
      await new Promise<void>((resolve, reject) =>
        raw.Embed({ texts: ['x'] }, metadata, { deadline: Date.now() + 5_000 }, (error) =>
          error ? reject(error) : resolve(),
        ),
      );
    };
    await embedRaw(tokens.sign('embed', { caller: 'gateway', tenant: 'acme', user: 'ada' }));
    expect(seenByEmbed.at(-1)).toMatchObject({ tenant: 'acme', keyId: undefined });
    await embedRaw(tokens.sign('embed', { caller: 'gateway', tenant: 'acme', keyId: 'key-ada' }));
    expect(seenByEmbed.at(-1)).toMatchObject({ keyId: 'key-ada' });
  });
});
