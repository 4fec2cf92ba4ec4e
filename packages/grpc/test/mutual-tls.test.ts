import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { protos, type EmbedV1 } from '@ragfleet/protos';
import { createLogger, createMetricsRegistry, runWithRequestContext } from '@ragfleet/telemetry';
import { EmbedClient, GrpcServer, Transport } from '../src/index.ts';
import { createTestPki, type TestPki } from './support/test-pki.ts';

/**
 * Mutual TLS from certificate files (what the chart mounts from a Secret or cert-manager): the
 * server requires a client certificate from the fleet's CA, the client checks the server's, and
 * the service token is still required on top.
 */
const fleetKey = randomBytes(32);
let fleetPki: TestPki;
let roguePki: TestPki;
let server: GrpcServer;
let address: string;
const clients: EmbedClient[] = [];
const tenants: string[] = [];

function client(transport?: Transport): EmbedClient {
  // A refused handshake leaves the channel failing: no need to wait the default 5 s for it.
  const made = new EmbedClient(address, { transport, readyTimeoutMs: 1_500, retries: 0 });
  clients.push(made);
  return made;
}

function embedAsAcme(embed: EmbedClient) {
  return runWithRequestContext({ requestId: 'r', tenant: 'acme' }, () =>
    embed.embed({ texts: ['a'] }, { deadlineMs: 3_000 }),
  );
}

beforeAll(async () => {
  fleetPki = createTestPki('fleet');
  roguePki = createTestPki('rogue');
  const serverCert = fleetPki.issue('embed');
  server = new GrpcServer({
    service: 'embed',
    logger: createLogger('embed', 'silent'),
    registry: createMetricsRegistry('embed'),
    transport: Transport.create({
      service: 'embed',
      keys: [fleetKey],
      tls: { cert: serverCert.cert, key: serverCert.key, ca: fleetPki.ca },
    }),
  });
  server.addService('ragfleet.embed.v1.EmbedService', protos.embed().EmbedService.service, {
    Embed: async (request: EmbedV1.EmbedRequest__Output, context) => {
      tenants.push(context.tenant);
      return { embeddings: request.texts.map(() => ({ values: [1] })), model: 'm', dimensions: 1 };
    },
    ListModels: async () => ({ models: [] }),
  });
  address = `127.0.0.1:${await server.listen(0, '127.0.0.1')}`;
});

afterAll(async () => {
  for (const made of clients) made.close();
  await server.close();
  fleetPki.remove();
  roguePki.remove();
});

describe('mutual TLS between services', () => {
  it('serves a client that presents a fleet certificate and a token', async () => {
    const gateway = fleetPki.issue('gateway');
    const transport = Transport.create({
      service: 'gateway',
      keys: [fleetKey],
      tls: { cert: gateway.cert, key: gateway.key, ca: fleetPki.ca },
    });
    expect(transport.tls).toBe(true);
    await expect(embedAsAcme(client(transport))).resolves.toMatchObject({ model: 'm' });
    expect(tenants.at(-1)).toBe('acme');
  });

  it('still asks for the token over TLS', async () => {
    const gateway = fleetPki.issue('gateway-no-key');
    const transport = Transport.create({
      service: 'gateway',
      tls: { cert: gateway.cert, key: gateway.key, ca: fleetPki.ca },
    });
    await expect(embedAsAcme(client(transport))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses a client whose certificate another CA signed', async () => {
    const rogue = roguePki.issue('rogue-client');
    const transport = Transport.create({
      service: 'gateway',
      keys: [fleetKey],
      tls: { cert: rogue.cert, key: rogue.key, ca: fleetPki.ca },
    });
    await expect(embedAsAcme(client(transport))).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
  });

  it('refuses a plaintext client', async () => {
    const plaintext = Transport.create({ service: 'gateway', keys: [fleetKey] });
    await expect(embedAsAcme(client(plaintext))).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
  });

  it('does not trust a server whose certificate the fleet CA did not sign', async () => {
    const gateway = roguePki.issue('gateway-trusting-rogue');
    // This client trusts only the rogue CA: the real server's certificate must not satisfy it.
    const transport = Transport.create({
      service: 'gateway',
      keys: [fleetKey],
      tls: { cert: gateway.cert, key: gateway.key, ca: roguePki.ca },
    });
    await expect(embedAsAcme(client(transport))).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
  });
});
