import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { once } from 'node:events';
import { connect } from 'node:net';
import { RagfleetError } from '@ragfleet/errors';
import { metricValue } from '@ragfleet/telemetry';
import { NORMAL_ANSWER } from './support/fake-upstreams.ts';
import { rawUpgrade } from './support/raw-ws.ts';
import { ndjsonLines, postJson } from './support/start-gateway.ts';
import { startWsTestGateway, WsClient, type WsTestGateway } from './support/ws-gateway.ts';

/*
 * ragfleet_gateway_errors_total counts every error the gateway answers by route and stable code,
 * including those no status code shows: an error event after an NDJSON stream's 200, and the
 * error events of a WebSocket. The time to first token is recorded for both transports.
 */
const ERRORS = 'ragfleet_gateway_errors_total';
const FIRST_TOKEN = 'ragfleet_gateway_stream_time_to_first_token_seconds_count';
const STREAM = { accept: 'application/x-ndjson' };
let gateway: WsTestGateway;
const clients: WsClient[] = [];

beforeAll(async () => {
  gateway = await startWsTestGateway();
});
afterEach(() => {
  for (const client of clients.splice(0)) client.socket.terminate();
  gateway.upstreams.answer = async function* () {
    yield* NORMAL_ANSWER;
  };
});
afterAll(async () => {
  await gateway.stop();
});

const errors = (route: string, code: string) => metricValue(gateway.registry, ERRORS, { route, code });

/** How much `read` grew while `act` ran: counters are shared by every test of this file. */
async function growth(read: () => Promise<number>, act: () => Promise<unknown>): Promise<number> {
  const before = await read();
  await act();
  return (await read()) - before;
}

async function drain(response: Response): Promise<Array<Record<string, unknown>>> {
  if (!response.body) throw new Error('no body');
  const events: Array<Record<string, unknown>> = [];
  for await (const event of ndjsonLines(response.body)) events.push(event);
  return events;
}

async function socket(): Promise<WsClient> {
  const client = new WsClient(gateway.wsUrl);
  clients.push(client);
  return client.open();
}

describe('ragfleet_gateway_errors_total', () => {
  it('counts error responses by route pattern and code, unknown paths as unmatched', async () => {
    expect(
      await growth(
        () => errors('/v1/search', 'INVALID_ARGUMENT'),
        async () => expect((await postJson(`${gateway.url}/v1/search`, { k: 3 })).status).toBe(400),
      ),
    ).toBe(1);
    expect(
      await growth(
        () => errors('unmatched', 'ROUTE_NOT_FOUND'),
        async () => expect((await fetch(`${gateway.url}/v1/nowhere`)).status).toBe(404),
      ),
    ).toBe(1);
  });

  it("counts an NDJSON stream's mid-stream error event, which its 200 hides", async () => {
    gateway.upstreams.answer = async function* () {
      yield { token: { text: 'partial' } };
      throw new RagfleetError('PROVIDER_FAILED', 'model crashed mid-answer');
    };
    const grew = await growth(
      () => errors('/v1/rag', 'PROVIDER_FAILED'),
      async () => {
        const response = await postJson(`${gateway.url}/v1/rag`, { query: 'q' }, STREAM);
        expect(response.status).toBe(200);
        expect((await drain(response)).at(-1)).toMatchObject({ type: 'error' });
      },
    );
    expect(grew).toBe(1);
  });

  it('counts an upstream error event relayed after the stream began', async () => {
    gateway.upstreams.answer = async function* () {
      yield { status: { stage: 'route' } };
      yield { error: { code: 'BUDGET_EXCEEDED', message: 'budget spent', retryable: false } };
    };
    const grew = await growth(
      () => errors('/v1/rag', 'BUDGET_EXCEEDED'),
      async () => drain(await postJson(`${gateway.url}/v1/rag`, { query: 'q' }, STREAM)),
    );
    expect(grew).toBe(1);
  });

  it("counts a WebSocket ask's error event and a refused message, by code", async () => {
    gateway.upstreams.answer = async function* () {
      yield { token: { text: 'partial' } };
      throw new RagfleetError('PROVIDER_FAILED', 'model crashed mid-answer');
    };
    const client = await socket();
    const failed = await growth(
      () => errors('/v1/ws', 'PROVIDER_FAILED'),
      async () => {
        client.send({ type: 'rag', id: 'a1', query: 'q' });
        expect((await client.ask('a1')).at(-1)).toMatchObject({ error: { code: 'PROVIDER_FAILED' } });
      },
    );
    expect(failed).toBe(1);
    const refused = await growth(
      () => errors('/v1/ws', 'INVALID_ARGUMENT'),
      async () => {
        client.send('not json');
        await client.until((event) => event.type === 'error' && event.id === null);
      },
    );
    expect(refused).toBe(1);
  });

  it('counts a refused upgrade and a request the HTTP parser refused', async () => {
    const { port } = new URL(gateway.url);
    const upgrade = await growth(
      () => errors('unmatched', 'ROUTE_NOT_FOUND'),
      async () => {
        const { socket, status } = await rawUpgrade(Number(port), '/v1/elsewhere');
        socket.destroy();
        expect(status).toBe(404);
      },
    );
    expect(upgrade).toBe(1);
    const malformed = await growth(
      () => errors('unmatched', 'INVALID_ARGUMENT'),
      async () => {
        const raw = connect(Number(port), '127.0.0.1');
        await once(raw, 'connect');
        raw.write('BREW /pot HTTP/1.1\r\nHost: x\r\n\r\n');
        const [chunk] = (await once(raw, 'data')) as [Buffer];
        raw.destroy();
        expect(chunk.toString('latin1')).toMatch(/^HTTP\/1\.1 400/);
      },
    );
    expect(malformed).toBe(1);
  });
});

describe('ragfleet_gateway_stream_time_to_first_token_seconds', () => {
  it('records the first token of an NDJSON answer once, as transport "ndjson"', async () => {
    const grew = await growth(
      () => metricValue(gateway.registry, FIRST_TOKEN, { transport: 'ndjson' }),
      async () => drain(await postJson(`${gateway.url}/v1/rag`, { query: 'q' }, STREAM)),
    );
    expect(grew).toBe(1);
  });

  it('records the first token of a WebSocket ask, as transport "websocket"', async () => {
    const client = await socket();
    const grew = await growth(
      () => metricValue(gateway.registry, FIRST_TOKEN, { transport: 'websocket' }),
      async () => {
        client.send({ type: 'rag', id: 't1', query: 'q' });
        expect((await client.ask('t1')).at(-1)).toMatchObject({ type: 'done' });
      },
    );
    expect(grew).toBe(1);
  });

  it('records nothing for an answer that fails before its first token', async () => {
    gateway.upstreams.answer = async function* () {
      yield { status: { stage: 'route' } };
      yield { error: { code: 'BUDGET_EXCEEDED', message: 'budget spent', retryable: false } };
    };
    const grew = await growth(
      () => metricValue(gateway.registry, FIRST_TOKEN, { transport: 'ndjson' }),
      async () => drain(await postJson(`${gateway.url}/v1/rag`, { query: 'q' }, STREAM)),
    );
    expect(grew).toBe(0);
  });
});
