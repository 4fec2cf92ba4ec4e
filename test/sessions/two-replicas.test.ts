import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from '@ragfleet/testing';
import { readServiceCredentials } from '../../packages/config/src/index.ts';
import { SessionClient, Transport } from '../../packages/grpc/src/index.ts';
import type { SessionV1 } from '../../packages/protos/src/index.ts';
import { runWithRequestContext } from '../../packages/telemetry/src/index.ts';
import { RedisCommands } from '../../scripts/bench/session-redis.ts';
import { startFleet, type Fleet } from '../../scripts/fleet-runner.ts';
import { startPacedOllama, type PacedOllama } from './support/paced-ollama.ts';
import { REDIS_URL, sessionFleetEnv, shapeOf } from './support/session-fleet.ts';

/*
 * Two session service processes on one Redis under one SESSION_KEY_PREFIX: replica A is the
 * fleet's, replica B a second process of the same service. A turn runs on A (the paced Ollama
 * stand-in keeps it answering for seconds) and is resumed through B while it runs, from a middle
 * seq and from 0, and again after it ended: every event exactly once, in order, as A streamed it.
 * A third process with a two-second SESSION_TTL_SECONDS (its own prefix) shows expiry on real
 * Redis: SESSION_EXPIRED for the owner, SESSION_NOT_FOUND for anyone else.
 */
const TTL_SECONDS = 2;
const dataDir = mkdtempSync(join(tmpdir(), 'ragfleet-two-replicas-'));
let ollama: PacedOllama;
let fleet: Fleet;
let replicaB: Fleet;
let shortLived: Fleet;
let prefix = '';
const clients: SessionClient[] = [];

type Event = SessionV1.TurnEvent__Output;

function client(port: number): SessionClient {
  const { keys } = readServiceCredentials('two-replicas-test', fleet.serviceAuthEnv);
  const created = new SessionClient(`127.0.0.1:${port}`, {
    transport: Transport.create({ service: 'two-replicas-test', keys }),
  });
  clients.push(created);
  return created;
}

/** Runs `work` as a caller: the identity every session RPC takes its owner from. */
function as<T>(tenant: string, user: string, work: () => Promise<T>): Promise<T> {
  return runWithRequestContext({ requestId: `two-replicas-${tenant}-${user}`, tenant, user }, work);
}

async function collect(
  events: AsyncIterable<Event>,
  onEvent: (event: Event) => void = () => {},
): Promise<Event[]> {
  const seen: Event[] = [];
  for await (const event of events) {
    seen.push(event);
    onEvent(event);
  }
  return seen;
}

const shape = (events: Event[]) =>
  shapeOf(events.map((event) => ({ seq: event.seq, type: event.event ?? '' })));

beforeAll(async () => {
  ollama = await startPacedOllama({ words: 150, intervalMs: 20 });
  const setup = sessionFleetEnv('two-replicas', ollama.url);
  prefix = setup.prefix;
  fleet = await startFleet({ freePorts: true, dataDir, readyTimeoutMs: 60_000, env: setup.env });
  // Replica B: the same service and store, its own process and ports, generate of the fleet.
  const sameStore = {
    ...setup.env,
    ...fleet.serviceAuthEnv,
    GENERATE_ADDR: `127.0.0.1:${fleet.ports.generate.grpc}`,
  };
  replicaB = await startFleet({ services: ['session'], freePorts: true, dataDir, env: sameStore });
  shortLived = await startFleet({
    services: ['session'],
    freePorts: true,
    dataDir,
    env: {
      ...sameStore,
      SESSION_KEY_PREFIX: `${prefix}short-lived:`,
      SESSION_TTL_SECONDS: String(TTL_SECONDS),
    },
  });
}, 90_000);

afterAll(async () => {
  for (const each of clients) each.close();
  await Promise.all([shortLived?.stop(), replicaB?.stop()]);
  await fleet?.stop();
  await ollama?.close();
  rmSync(dataDir, { recursive: true, force: true });
  const redis = await RedisCommands.open(REDIS_URL);
  await redis.deleteUnder(prefix);
  redis.close();
}, 60_000);

describe('two session replicas on one Redis', () => {
  it('resumes a turn running on A through B, from a middle seq and from 0, every event once in order', async () => {
    const a = client(fleet.ports.session.grpc);
    const b = client(replicaB.ports.session.grpc);
    const { session } = await as('replicas', 'alice', () => a.createSession({ title: 'replicas' }));
    const sessionId = session?.id ?? '';

    let turnId = '';
    let reachedMiddle!: (seq: number) => void;
    const middle = new Promise<number>((resolve) => (reachedMiddle = resolve));
    let tokens = 0;
    const onA = as('replicas', 'alice', () =>
      collect(a.turn({ sessionId, message: 'What does a circuit breaker do after the pause?' }), (event) => {
        if (event.event === 'started') turnId = event.started?.turnId ?? '';
        if (event.event === 'token' && ++tokens === 5) reachedMiddle(event.seq);
      }),
    );
    const middleSeq = await middle;
    // Still answering on A: what B gives must come from the store's buffer, then follow it live.
    expect(ollama.finished()).toBe(0);
    const fromMiddle = as('replicas', 'alice', () =>
      collect(b.resumeTurn({ sessionId, turnId, afterSeq: middleSeq })),
    );
    const fromStart = as('replicas', 'alice', () =>
      collect(b.resumeTurn({ sessionId, turnId, afterSeq: 0 })),
    );
    const [streamed, resumedFromMiddle, resumedFromStart] = await Promise.all([onA, fromMiddle, fromStart]);

    expect(streamed.at(-1)?.event).toBe('done');
    expect(shape(streamed)).toBe(streamed.map((event, index) => `${index + 1}:${event.event}`).join(' '));
    expect(shape(resumedFromStart)).toBe(shape(streamed));
    expect(shape(resumedFromMiddle)).toBe(shape(streamed.slice(middleSeq)));
    // The same events, not just the same shapes: the words arrive in order, each once.
    const text = (events: Event[]) => events.map((event) => event.token?.text ?? '').join('');
    expect(text(resumedFromStart)).toBe(ollama.answer);
    expect(text(streamed)).toBe(ollama.answer);
    expect(text(streamed.slice(0, middleSeq)) + text(resumedFromMiddle)).toBe(ollama.answer);

    // After the end, B replays the buffer alone; A and B agree on the session too.
    const later = await as('replicas', 'alice', () =>
      collect(b.resumeTurn({ sessionId, turnId, afterSeq: 2 })),
    );
    expect(shape(later)).toBe(shape(streamed.slice(2)));
    const onB = await as('replicas', 'alice', () => b.getSession({ id: sessionId }));
    expect(onB.messages.map((message) => message.text)).toContain(ollama.answer);
    expect(onB.session?.messageCount).toBe(2);
  }, 30_000);

  it('holds the session lock across replicas: a turn running on B makes one on A a CONFLICT', async () => {
    const a = client(fleet.ports.session.grpc);
    const b = client(replicaB.ports.session.grpc);
    const { session } = await as('replicas', 'bob', () => a.createSession({}));
    const sessionId = session?.id ?? '';
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const onB = as('replicas', 'bob', () =>
      collect(b.turn({ sessionId, message: 'What does a circuit breaker skip?' }), (event) => {
        if (event.event === 'token') started();
      }),
    );
    await running;
    // The lock is in Redis: A sees B's turn running.
    await expect(
      as('replicas', 'bob', () => collect(a.turn({ sessionId, message: 'And after that?' }))),
    ).rejects.toMatchObject({ code: 'CONFLICT', retryable: true });
    expect((await onB).at(-1)?.event).toBe('done');
  }, 30_000);
});

describe('expiry on real Redis (SESSION_TTL_SECONDS=2)', () => {
  it('answers SESSION_EXPIRED to the owner and SESSION_NOT_FOUND to anyone else', async () => {
    const service = client(shortLived.ports.session.grpc);
    const { session } = await as('expiry', 'alice', () => service.createSession({ title: 'brief' }));
    const id = session?.id ?? '';
    expect((await as('expiry', 'alice', () => service.getSession({ id }))).session?.id).toBe(id);
    const redis = await RedisCommands.open(REDIS_URL);
    try {
      // Expiry is Redis's (PEXPIRE on the session's hash), not a clock in the service: wait until
      // the hash is gone (the owner's tombstone stays, for SESSION_EXPIRED).
      await waitFor(
        async () => (await redis.send('EXISTS', `${prefix}short-lived:session:${id}`)) === 0,
        (TTL_SECONDS + 5) * 1_000,
        100,
      );
    } finally {
      redis.close();
    }
    const expired = { code: 'SESSION_EXPIRED' };
    await expect(as('expiry', 'alice', () => service.getSession({ id }))).rejects.toMatchObject(expired);
    await expect(
      as('expiry', 'alice', () => collect(service.turn({ sessionId: id, message: 'still there?' }))),
    ).rejects.toMatchObject(expired);
    const notFound = { code: 'SESSION_NOT_FOUND' };
    await expect(as('expiry', 'mallory', () => service.getSession({ id }))).rejects.toMatchObject(notFound);
    await expect(as('elsewhere', 'alice', () => service.getSession({ id }))).rejects.toMatchObject(notFound);
    await expect(as('expiry', 'mallory', () => service.deleteSession(id))).rejects.toMatchObject(notFound);
    const listed = await as('expiry', 'alice', () => service.listSessions({}));
    expect(listed.sessions.map((entry) => entry.id)).not.toContain(id);
  }, 30_000);
});
