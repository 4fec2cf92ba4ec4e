import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RedisCommands } from '../../scripts/bench/session-redis.ts';
import { startFleet, type Fleet } from '../../scripts/fleet-runner.ts';
import { startPacedOllama, type PacedOllama } from './support/paced-ollama.ts';
import {
  REDIS_URL,
  ndjsonEvents,
  sessionFleetEnv,
  shapeOf,
  type PublicTurnEvent,
} from './support/session-fleet.ts';

/*
 * Issue 11's reconnect promise with real processes: the whole fleet on the local Redis, a turn
 * streaming through the gateway, the gateway process killed (SIGKILL: no drain, no goodbye) in
 * the middle of the answer, a new gateway process on the same port, and a client that resumes
 * after the last seq it saw. It must end with the full answer: seqs 1..N once each, in order,
 * ending with done, and the text the session recorded. The model is a paced Ollama stand-in (200
 * words, 25 ms apart: a five-second answer), so the kill lands while generate is still answering.
 */
const WORDS = 200;
const dataDir = mkdtempSync(join(tmpdir(), 'ragfleet-kill-resume-'));
const logs: string[] = [];
let ollama: PacedOllama;
let fleet: Fleet;
let prefix = '';

const headers = { 'content-type': 'application/json', 'x-tenant-id': 'kill-resume' };

beforeAll(async () => {
  ollama = await startPacedOllama({ words: WORDS, intervalMs: 25 });
  const setup = sessionFleetEnv('kill-resume', ollama.url);
  prefix = setup.prefix;
  fleet = await startFleet({
    freePorts: true,
    dataDir,
    readyTimeoutMs: 60_000,
    env: setup.env,
    logSink: (service, line) => {
      logs.push(`${service}: ${line}`);
    },
  });
  const ingest = await fetch(`${fleet.gatewayUrl}/v1/documents?wait=true&timeout_ms=30000`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      documents: [
        {
          id: 'breakers',
          title: 'Circuit breakers',
          text: 'A circuit breaker skips a failing model provider at once. After a pause it lets one trial call through.',
        },
      ],
    }),
  });
  if (ingest.status !== 200)
    throw new Error(
      `ingest answered ${ingest.status}: ${await ingest.text()}\n${logs.slice(-20).join('\n')}`,
    );
}, 90_000);

afterAll(async () => {
  await fleet?.stop();
  await ollama?.close();
  rmSync(dataDir, { recursive: true, force: true });
  const redis = await RedisCommands.open(REDIS_URL);
  await redis.deleteUnder(prefix);
  redis.close();
}, 60_000);

describe('a gateway killed in the middle of a turn', () => {
  it('loses no event: the client resumes on the new gateway process after its last seq', async () => {
    const created = await fetch(`${fleet.gatewayUrl}/v1/sessions`, { method: 'POST', headers, body: '{}' });
    expect(created.status).toBe(201);
    const sessionId = ((await created.json()) as { session: { id: string } }).session.id;

    const turn = await fetch(`${fleet.gatewayUrl}/v1/sessions/${sessionId}/turns`, {
      method: 'POST',
      headers: { ...headers, accept: 'application/x-ndjson' },
      body: JSON.stringify({ message: 'What does a circuit breaker do after the pause?' }),
    });
    expect(turn.status).toBe(200);
    // Read until a few words of the answer have arrived, then kill the gateway under the stream.
    const seen: PublicTurnEvent[] = [];
    const stream = ndjsonEvents(turn.body as ReadableStream<Uint8Array>);
    for await (const event of stream) {
      seen.push(event);
      if (seen.filter((e) => e.type === 'token').length >= 3) break;
    }
    const oldPid = fleet.pids().gateway as number;
    expect(ollama.finished()).toBe(0); // the model is still answering: this is mid-turn
    process.kill(oldPid, 'SIGKILL');
    const restarted = fleet.restart('gateway');
    await stream.return(undefined).catch(() => undefined); // the old connection is dead
    await restarted;
    expect(fleet.pids().gateway).not.toBe(oldPid);

    const turnId = seen[0]?.turn_id ?? '';
    expect(seen[0]?.type).toBe('started');
    const lastSeen = seen.at(-1)?.seq ?? 0;
    const resumed = await fetch(
      `${fleet.gatewayUrl}/v1/sessions/${sessionId}/turns/${turnId}/events?after=${lastSeen}`,
      { headers },
    );
    expect(resumed.status).toBe(200);
    const rest: PublicTurnEvent[] = [];
    for await (const event of ndjsonEvents(resumed.body as ReadableStream<Uint8Array>)) rest.push(event);

    const all = [...seen, ...rest];
    const expected = all.map((event, index) => `${index + 1}:${event.type}`).join(' ');
    expect(shapeOf(all)).toBe(expected);
    expect(all.at(-1)?.type).toBe('done');
    const answer = all
      .filter((event) => event.type === 'token')
      .map((event) => event.text)
      .join('');
    expect(answer).toBe(ollama.answer);

    const read = await fetch(`${fleet.gatewayUrl}/v1/sessions/${sessionId}`, { headers });
    const { messages } = (await read.json()) as {
      messages: Array<{ role: string; text: string; status: string }>;
    };
    expect(messages.filter((message) => message.role === 'assistant').map((message) => message.text)).toEqual(
      [answer],
    );
    expect(messages.map((message) => message.status)).toEqual(['done', 'done']);
  }, 60_000);
});
