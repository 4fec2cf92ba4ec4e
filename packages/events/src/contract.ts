/**
 * The EventBus contract: every adapter (JetStream, in-process) must pass these cases. Run it from
 * a test file with a factory that builds a fresh bus over the given streams, with short
 * redelivery delays so that the suite runs in seconds.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { context, propagation, trace, TraceFlags, type SpanContext } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { isRagfleetError } from '@ragfleet/errors';
import { uniqueSuffix, waitFor } from '@ragfleet/testing';
import { randomBytes } from 'node:crypto';
import type { Delivery, EventBus, EventEnvelope, StreamSpec } from './event-bus.ts';
import { createEvent } from './envelope.ts';
import type { EventLogger } from './event-logger.ts';

export type EventBusFactory = (streams: StreamSpec[], logger: EventLogger) => Promise<EventBus>;

interface LogLine {
  level: 'info' | 'warn' | 'error';
  fields: Record<string, unknown>;
  message: string;
}

interface Received {
  event: EventEnvelope<unknown>;
  delivery: Delivery;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function recordingLogger(): EventLogger & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  const record = (level: LogLine['level']) => (fields: Record<string, unknown>, message: string) => {
    lines.push({ level, fields, message });
  };
  return { lines, info: record('info'), warn: record('warn'), error: record('error') };
}

function testEvent(data: unknown, id?: string): EventEnvelope<unknown> {
  return createEvent({ type: 'contract.tested', source: 'events-contract', tenant: 'tenant-a', data, id });
}

export function eventBusContract(label: string, factory: EventBusFactory): void {
  describe(`EventBus contract: ${label}`, () => {
    const open: EventBus[] = [];

    /** A fresh bus over one stream of its own; `subject(name)` names a subject inside it. */
    async function setup(retention: StreamSpec['retention'] = 'limits') {
      const suffix = uniqueSuffix();
      const root = `contract.${suffix}`;
      const logger = recordingLogger();
      const bus = await factory([{ name: `CONTRACT_${suffix}`, subjects: [`${root}.>`], retention }], logger);
      open.push(bus);
      return { bus, logger, subject: (name: string) => `${root}.${name}` };
    }

    function collector() {
      const received: Received[] = [];
      const handler = async (event: EventEnvelope<unknown>, delivery: Delivery) => {
        received.push({ event, delivery });
      };
      const ids = () => received.map((r) => r.event.id);
      return { received, handler, ids };
    }

    beforeAll(() => {
      propagation.setGlobalPropagator(new W3CTraceContextPropagator());
      context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    });

    afterAll(() => {
      context.disable();
      propagation.disable();
    });

    afterEach(async () => {
      await Promise.all(open.splice(0).map((bus) => bus.close()));
    });

    it('delivers the envelope intact, on attempt 1', async () => {
      const { bus, subject } = await setup();
      const { received, handler } = collector();
      await bus.subscribe(subject('intact'), { durable: 'intact' }, handler);
      const event = testEvent({ text: 'héllo', nested: { list: [1, 2, 3], flag: true } });

      const result = await bus.publish(subject('intact'), event);

      expect(result.duplicate).toBe(false);
      await waitFor(() => received.length === 1);
      expect(received[0]?.event).toEqual(event);
      expect(received[0]?.delivery).toEqual({ attempt: 1, subject: subject('intact') });
    });

    it('stores an id published twice once and reports the second as a duplicate', async () => {
      const { bus, subject } = await setup();
      const { handler, ids } = collector();
      const event = testEvent({ n: 1 });

      const first = await bus.publish(subject('dedup'), event);
      const second = await bus.publish(subject('dedup'), { ...event, data: { n: 2 } });
      const marker = testEvent({ marker: true });
      await bus.publish(subject('dedup'), marker);
      await bus.subscribe(subject('dedup'), { durable: 'dedup' }, handler);

      expect(first.duplicate).toBe(false);
      expect(second.duplicate).toBe(true);
      // In-order delivery: once the marker is in, any stored duplicate would already be too.
      await waitFor(() => ids().includes(marker.id));
      expect(ids()).toEqual([event.id, marker.id]);
    });

    it('redelivers a failed event with a higher attempt and acks it once it succeeds', async () => {
      const { bus, subject } = await setup();
      const attempts: number[] = [];
      const ackWaitMs = 400;
      await bus.subscribe(subject('retry'), { durable: 'retry', ackWaitMs }, async (_event, delivery) => {
        attempts.push(delivery.attempt);
        if (delivery.attempt === 1) throw new Error('transient failure');
      });

      await bus.publish(subject('retry'), testEvent({ n: 1 }));

      await waitFor(() => attempts.length === 2);
      // An unacked success would come back once ack_wait passes.
      await sleep(ackWaitMs * 2);
      expect(attempts).toEqual([1, 2]);
    });

    it('gives an event up after maxAttempts and logs it', async () => {
      const { bus, logger, subject } = await setup();
      const attempts: number[] = [];
      await bus.subscribe(
        subject('poison'),
        { durable: 'poison', maxAttempts: 3 },
        async (_event, delivery) => {
          attempts.push(delivery.attempt);
          throw new Error('permanent failure');
        },
      );
      const event = testEvent({ poison: true });

      await bus.publish(subject('poison'), event);

      await waitFor(() => attempts.length === 3);
      await sleep(500);
      expect(attempts).toEqual([1, 2, 3]);
      const errors = logger.lines.filter((line) => line.level === 'error');
      expect(errors).toHaveLength(1);
      expect(errors[0]?.fields).toMatchObject({ attempt: 3, subject: subject('poison') });
    });

    it('shares one durable between subscriptions: each event to exactly one of them', async () => {
      const { bus, subject } = await setup();
      const byA: string[] = [];
      const byB: string[] = [];
      const slowly = (sink: string[]) => async (event: EventEnvelope<unknown>) => {
        await sleep(15);
        sink.push(event.id);
      };
      await bus.subscribe(subject('shared'), { durable: 'shared' }, slowly(byA));
      await bus.subscribe(subject('shared'), { durable: 'shared' }, slowly(byB));
      const events = Array.from({ length: 20 }, (_, n) => testEvent({ n }));

      for (const event of events) await bus.publish(subject('shared'), event);

      await waitFor(() => byA.length + byB.length >= events.length);
      await sleep(200);
      expect([...byA, ...byB].sort()).toEqual(events.map((e) => e.id).sort());
      expect(byA.length).toBeGreaterThan(0);
      expect(byB.length).toBeGreaterThan(0);
    });

    it('delivers events published before a durable first subscribed', async () => {
      const { bus, subject } = await setup();
      const events = [testEvent({ n: 1 }), testEvent({ n: 2 }), testEvent({ n: 3 })];
      for (const event of events) await bus.publish(subject('late'), event);
      const { handler, ids } = collector();

      await bus.subscribe(subject('late'), { durable: 'late' }, handler);

      await waitFor(() => ids().length === 3);
      expect(ids()).toEqual(events.map((e) => e.id));
    });

    it('stop() waits for a running handler to finish', async () => {
      const { bus, subject } = await setup();
      let release = () => {};
      const gate = new Promise<void>((resolve) => (release = resolve));
      let started = false;
      let finished = false;
      const subscription = await bus.subscribe(subject('stop'), { durable: 'stop' }, async () => {
        started = true;
        await gate;
        finished = true;
      });
      await bus.publish(subject('stop'), testEvent({ n: 1 }));
      await waitFor(() => started);

      let stopped = false;
      const stopping = subscription.stop().then(() => (stopped = true));
      await sleep(150);
      expect(stopped).toBe(false);
      release();
      await stopping;

      expect(finished).toBe(true);
    });

    it('workqueue: an acked job is not delivered again after re-subscribing', async () => {
      const { bus, subject } = await setup('workqueue');
      const { handler, ids } = collector();
      const ackWaitMs = 400;
      const first = testEvent({ job: 1 });
      const firstSubscription = await bus.subscribe(subject('jobs'), { durable: 'jobs', ackWaitMs }, handler);
      await bus.publish(subject('jobs'), first);
      await waitFor(() => ids().length === 1);
      await firstSubscription.stop();

      await bus.subscribe(subject('jobs'), { durable: 'jobs', ackWaitMs }, handler);
      const second = testEvent({ job: 2 });
      await bus.publish(subject('jobs'), second);

      await waitFor(() => ids().includes(second.id));
      await sleep(ackWaitMs * 2);
      expect(ids()).toEqual([first.id, second.id]);
    });

    it('workqueue: refuses a second durable whose subject overlaps an existing one', async () => {
      const { bus, subject } = await setup('workqueue');
      await bus.subscribe(subject('jobs.*'), { durable: 'all-jobs' }, async () => {});

      const overlapping = bus.subscribe(subject('jobs.ingest'), { durable: 'ingest-jobs' }, async () => {});

      await expect(overlapping).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    });

    it('carries the publisher trace context to the handler', async () => {
      const { bus, subject } = await setup();
      const parent: SpanContext = {
        traceId: randomBytes(16).toString('hex'),
        spanId: randomBytes(8).toString('hex'),
        traceFlags: TraceFlags.SAMPLED,
      };
      const seen: (SpanContext | undefined)[] = [];
      await bus.subscribe(subject('trace'), { durable: 'trace' }, async () => {
        seen.push(trace.getSpanContext(context.active()));
      });

      await context.with(trace.setSpanContext(context.active(), parent), () =>
        bus.publish(subject('trace'), testEvent({ traced: true })),
      );

      await waitFor(() => seen.length === 1);
      expect(seen[0]).toMatchObject({ traceId: parent.traceId, spanId: parent.spanId, isRemote: true });
    });

    it('rejects subscribing to, or publishing on, a subject no stream captures', async () => {
      const { bus } = await setup();
      const stray = `stray.${uniqueSuffix()}`;

      const subscribing = bus.subscribe(stray, { durable: 'stray' }, async () => {});
      const publishing = bus.publish(stray, testEvent({ stray: true }));

      await expect(subscribing).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
      const error = await publishing.catch((e: unknown) => e);
      expect(isRagfleetError(error) && error.code).toBe('INVALID_ARGUMENT');
    });
  });
}
