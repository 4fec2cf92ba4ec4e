import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { rm } from 'node:fs/promises';
import { createEvent, NatsEventBus, type EventEnvelope, type StreamSpec } from '@ragfleet/events';
import { startNatsServer, waitFor, type NatsServer } from '@ragfleet/testing';

// Each test kills a NATS server of its own (never the shared one).
const lines: Array<{ level: string; message: string }> = [];
const logger = {
  info: (_: object, message: string) => void lines.push({ level: 'info', message }),
  warn: (_: object, message: string) => void lines.push({ level: 'warn', message }),
  error: (_: object, message: string) => void lines.push({ level: 'error', message }),
};
const spec: StreamSpec = { name: 'OUTAGE', subjects: ['outage.>'], retention: 'workqueue' };
const event = (id: string) =>
  createEvent({ id, type: 'outage.test', source: 'test', tenant: 't', data: { id } });

let nats: NatsServer;
let bus: NatsEventBus | undefined;

beforeEach(async () => {
  lines.length = 0;
  nats = await startNatsServer();
});
afterEach(async () => {
  await bus?.close();
  bus = undefined;
  await nats.stop();
});

async function connect(): Promise<NatsEventBus> {
  bus = await NatsEventBus.connect({
    url: nats.url,
    streams: [spec],
    logger,
    reconnectWaitMs: 50,
    redelivery: { baseDelayMs: 20, maxDelayMs: 100 },
  });
  await bus.ensureStreams();
  return bus;
}

/**
 * Stops the server, lets the bus notice, and starts the server again. SIGKILL (the default) is a
 * crash: nats-server writes a consumer's acks lazily, so an ack just before the crash can be lost
 * while the work-queue stream has already removed the message. The consumer then still counts it
 * as pending, and in CI a newer message was not delivered within 15 s (the ack wait is 30 s).
 * Tests about what the server kept stop it cleanly (SIGTERM), as a rolling restart does.
 */
async function restart(
  target: NatsEventBus,
  {
    signal = 'SIGKILL',
    beforeStart = async () => {},
  }: { signal?: NodeJS.Signals; beforeStart?: () => Promise<void> } = {},
): Promise<void> {
  await nats.kill(signal);
  await waitFor(() => target.state === 'reconnecting');
  await beforeStart();
  await nats.start();
  await waitFor(() => target.state === 'connected', 10_000);
}

/** Publishes as a caller that keeps the event would: again until the stream has it. */
async function publishEventually(target: NatsEventBus, id: string): Promise<void> {
  await waitFor(
    () =>
      target.publish('outage.jobs', event(id)).then(
        () => true,
        () => false,
      ),
    15_000,
    100,
  );
}

describe('NatsEventBus through a NATS outage', () => {
  it('keeps reconnecting far past the client default of 10 attempts, and publishes again', async () => {
    const connected = await connect();
    await nats.kill('SIGKILL');
    await waitFor(() => connected.state === 'reconnecting');
    // 50 ms apart (plus jitter), 10 attempts end well within this outage.
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    expect(connected.state).toBe('reconnecting');

    await nats.start();
    await waitFor(() => connected.state === 'connected', 10_000);
    await expect(connected.publish('outage.jobs', event('after'))).resolves.toEqual({ duplicate: false });
    expect(lines.map((line) => line.message)).toEqual(
      expect.arrayContaining([
        'event bus disconnected; reconnecting without a limit',
        'event bus reconnected',
      ]),
    );
  });

  it('fails a publish at once with SERVICE_UNAVAILABLE while the server is out of reach', async () => {
    const connected = await connect();
    await nats.kill('SIGKILL');
    await waitFor(() => connected.state === 'reconnecting');

    const started = Date.now();
    await expect(connected.publish('outage.jobs', event('lost'))).rejects.toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      retryable: true,
    });
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('resumes a subscription after a restart, with events from before and after it', async () => {
    const connected = await connect();
    const seen: string[] = [];
    await connected.subscribe<{ id: string }>(
      'outage.jobs',
      { durable: 'worker' },
      async (e: EventEnvelope<{ id: string }>) => {
        seen.push(e.data.id);
      },
    );
    await connected.publish('outage.jobs', event('before'));
    await waitFor(() => seen.includes('before'));

    await restart(connected, { signal: 'SIGTERM' });
    await publishEventually(connected, 'after');
    await waitFor(() => seen.includes('after'), 15_000);
  });

  it('re-creates its stream and consumer when the server comes back without its data', async () => {
    const connected = await connect();
    const seen: string[] = [];
    await connected.subscribe<{ id: string }>('outage.jobs', { durable: 'worker' }, async (e) => {
      seen.push(e.data.id);
    });
    await restart(connected, { beforeStart: () => rm(nats.storeDir, { recursive: true, force: true }) });

    await publishEventually(connected, 'after-wipe');
    await waitFor(() => seen.includes('after-wipe'), 20_000);
    expect(lines.map((line) => line.message)).toContain('event consumer started again');
  });
});
