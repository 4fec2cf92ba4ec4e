import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEvent, fleetTopology, NatsEventBus, type EventEnvelope } from '@ragfleet/events';
import { uniqueSuffix, waitFor } from '@ragfleet/testing';
import { createMetricsRegistry } from '@ragfleet/telemetry';
import { composeLedger, type ComposedLedger } from '../src/ledger/compose-ledger.ts';
import { FileLedger } from '../src/ledger/file-ledger.ts';
import type { GenerationCompletedData } from '../src/ledger/generation-event.ts';
import { LedgerConsumer } from '../src/ledger/ledger-consumer.ts';
import type { LedgerEntry, UsageLedger, UsageQuery } from '../src/ledger/usage-ledger.ts';
import { callFor, deleteStreams, natsUrl, silentLogger } from './ledger-support.ts';

const namespace = `ledger_${uniqueSuffix()}`;
const topology = fleetTopology(namespace);
const subject = topology.subjects.generationCompleted;
let publisher: NatsEventBus;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'ragfleet-ledger-consumer-'));
  publisher = await NatsEventBus.connect({
    url: natsUrl,
    streams: [topology.streams.events],
    logger: silentLogger,
  });
  await publisher.ensureStreams();
});

afterAll(async () => {
  await publisher.close();
  await deleteStreams([topology.streams.events.name]);
  await rm(dataDir, { recursive: true, force: true });
});

function completed(
  tenant: string,
  data: GenerationCompletedData,
  id?: string,
): EventEnvelope<GenerationCompletedData> {
  return createEvent({ type: 'generate.answer.completed', source: 'generate', tenant, data, id });
}

const config = (dir: string) => ({ DATA_DIR: dir, NATS_URL: natsUrl, NATS_NAMESPACE: namespace });
const allTime = () => ({
  from: '2000-01-01T00:00:00Z',
  to: '2100-01-01T00:00:00Z',
  groupBy: 'user',
});
const cents = (usd: number) => Math.round(usd * 1e8);

describe('the ledger consumer on NATS JetStream', () => {
  it("appends each generation once, and the ledger's spend is the sum of the events' costs", async () => {
    const dir = join(dataDir, 'reconcile');
    let composed: ComposedLedger = await composeLedger(
      { logger: silentLogger as never, registry: createMetricsRegistry('router') },
      config(dir),
    );
    const users = ['alice', 'bob', 'carol'];
    const sent: Array<{ tenant: string; user: string; costUsd: number }> = [];
    for (let i = 0; i < 60; i += 1) {
      const tenant = i % 4 === 0 ? 'globex' : 'acme';
      const user = users[i % 3] ?? 'alice';
      const cached = i % 7 === 0;
      const costUsd = cached ? 0 : Number((0.0001 * ((i * 37) % 101) + 0.00003).toFixed(6));
      const data: GenerationCompletedData = {
        generationId: `gen-${namespace}-${i}`,
        tenant,
        user,
        keyId: `key-${user}`,
        provider: i % 2 ? 'anthropic' : 'ollama',
        model: i % 2 ? 'claude-haiku-4-5' : 'llama3.2',
        inputTokens: 100 + i,
        outputTokens: 10 + i,
        costUsd,
        cached,
      };
      const event = completed(tenant, data);
      await publisher.publish(subject, event);
      sent.push({ tenant, user, costUsd });
      // generate retried the publish of one generation in a fresh envelope: the same generationId.
      if (i === 5) await publisher.publish(subject, completed(tenant, data));
    }
    // An older generate: no generationId, no caller or cost fields; the envelope id stands in.
    for (let i = 0; i < 3; i += 1) {
      await publisher.publish(
        subject,
        completed('acme', {
          provider: 'extractive',
          model: 'extractive-v1',
          inputTokens: 5,
          outputTokens: 1,
        }),
      );
      sent.push({ tenant: 'acme', user: '', costUsd: 0 });
    }

    const expected = (tenant: string) => sent.filter((event) => event.tenant === tenant);
    const usage = (tenant: string) => composed.getUsage(allTime(), callFor(tenant));
    await waitFor(async () => Number((await usage('acme')).generations) === expected('acme').length, 15_000);
    await waitFor(
      async () => Number((await usage('globex')).generations) === expected('globex').length,
      15_000,
    );

    const reconcile = async () => {
      for (const tenant of ['acme', 'globex']) {
        const answer = await usage(tenant);
        const spent = expected(tenant).reduce((sum, event) => sum + event.costUsd, 0);
        expect(Number(answer.generations)).toBe(expected(tenant).length);
        expect(cents(Number(answer.totalCostUsd))).toBe(cents(spent));
        for (const user of [...users, '']) {
          const group = answer.groups?.find((candidate) => candidate.key === user);
          const theirs = expected(tenant).filter((event) => event.user === user);
          expect(Number(group?.generations ?? 0)).toBe(theirs.length);
          expect(cents(Number(group?.costUsd ?? 0))).toBe(
            cents(theirs.reduce((sum, e) => sum + e.costUsd, 0)),
          );
        }
      }
    };
    await reconcile();

    // Replay: a restarted router reads its file back, and a new durable consumer that receives the
    // whole stream again (every event a redelivery) adds nothing.
    await composed.shutdown();
    composed = await composeLedger(
      { logger: silentLogger as never, registry: createMetricsRegistry('router') },
      config(dir),
    );
    await reconcile();
    let repeats = 0;
    const replay = new LedgerConsumer({
      bus: publisher,
      ledger: composed.ledger,
      subject,
      durable: `replay_${namespace}`,
      logger: silentLogger,
      onAppended: (fresh) => {
        if (!fresh) repeats += 1;
      },
    });
    await replay.start();
    // 60 + the retried one + 3 old-shape events, all already in the ledger.
    await waitFor(() => repeats === 64, 15_000);
    await replay.stop();
    await reconcile();
    await composed.shutdown();
  }, 60_000);

  it('redelivers an event whose append failed, and counts it once', async () => {
    const file = new FileLedger(join(dataDir, 'flaky'));
    await file.open();
    const data = {
      generationId: `flaky-${namespace}`,
      provider: 'anthropic',
      model: 'claude-haiku-4-5',
      costUsd: 0.25,
    };
    // Earlier tests' events come first (a new durable starts at the stream's beginning): only this
    // test's event fails, on its first attempt.
    const attempts: string[] = [];
    const flaky: UsageLedger = {
      open: () => file.open(),
      close: () => file.close(),
      query: (query: UsageQuery) => file.query(query),
      append: async (entry: LedgerEntry) => {
        if (entry.generationId === data.generationId) {
          attempts.push(entry.generationId);
          if (attempts.length === 1) throw new Error('disk full');
        }
        return file.append(entry);
      },
    };
    const consumer = new LedgerConsumer({
      bus: publisher,
      ledger: flaky,
      subject,
      durable: `flaky_${namespace}`,
      logger: silentLogger,
    });
    await consumer.start();
    await publisher.publish(subject, completed('initech', data));
    const query = {
      tenant: 'initech',
      from: new Date(0),
      to: new Date('2100-01-01'),
      groupBy: 'model',
    } as const;
    await waitFor(async () => (await file.query(query)).length === 1, 15_000);
    await consumer.stop();
    expect(attempts).toHaveLength(2);
    expect(await file.query(query)).toEqual([
      expect.objectContaining({ key: 'anthropic/claude-haiku-4-5', generations: 1, costUsd: 0.25 }),
    ]);
    await file.close();
  }, 30_000);

  it('acks and drops an event it can never count, and goes on with the next', async () => {
    const file = new FileLedger(join(dataDir, 'poison'));
    await file.open();
    let dropped = 0;
    const consumer = new LedgerConsumer({
      bus: publisher,
      ledger: file,
      subject,
      durable: `poison_${namespace}`,
      logger: silentLogger,
      onDropped: () => {
        dropped += 1;
      },
    });
    await consumer.start();
    await publisher.publish(subject, completed('hooli', { model: 'no-provider' } as never));
    await publisher.publish(
      subject,
      completed('hooli', { provider: 'ollama', model: 'llama3.2', costUsd: 0 }),
    );
    const query = {
      tenant: 'hooli',
      from: new Date(0),
      to: new Date('2100-01-01'),
      groupBy: 'model',
    } as const;
    await waitFor(async () => (await file.query(query)).length === 1, 15_000);
    await consumer.stop();
    expect(dropped).toBe(1);
    await file.close();
  }, 30_000);
});
