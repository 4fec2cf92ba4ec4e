import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { RagfleetError } from '@ragfleet/errors';
import type {
  Delivery,
  EventBus,
  EventEnvelope,
  EventHandler,
  PublishResult,
  SubscribeOptions,
  Subscription,
} from '@ragfleet/events';
import { corpusFixture, type CorpusFixture } from '../../../test/support/corpus-fixture.ts';
import { HashingEmbedder } from '../../../test/support/hashing-embedder.ts';
import { QuietLogger } from '../../../test/support/quiet-logger.ts';
import { RecordingBus } from '../../../test/support/recording-bus.ts';
import type { Embedder } from '../index/embedder.ts';
import { noMetrics } from '../index/retrieve-metrics.ts';
import { IngestService, INGEST_REQUESTED, type IngestRequested } from './ingest-service.ts';
import { IngestWorker } from './ingest-worker.ts';

// An unreachable embed as the gRPC client reports it: the raw grpc-js text only in `internal`.
const unreachable = () =>
  new RagfleetError('SERVICE_UNAVAILABLE', 'A service is down or shutting down.', {
    internal: '14 UNAVAILABLE: No connection established. Last error: connect ECONNREFUSED 127.0.0.1:7051',
  });

/** Unreachable for the first `downCalls` calls, then a hashing embedder. */
class EmbedComingUp implements Embedder {
  readonly model = 'test-hashing';
  readonly #inner = new HashingEmbedder();
  readonly #downCalls: number;
  calls = 0;
  constructor(downCalls: number) {
    this.#downCalls = downCalls;
  }
  async embed(texts: string[], options?: { signal?: AbortSignal }): Promise<number[][]> {
    this.calls += 1;
    if (options?.signal?.aborted) throw new RagfleetError('CANCELLED', 'cancelled by caller');
    if (this.calls <= this.#downCalls) throw unreachable();
    return this.#inner.embed(texts);
  }
}

/** Keeps the handler a worker subscribes with, so the test delivers to it as the bus would. */
class CapturingBus implements EventBus {
  readonly state = 'connected';
  handler: EventHandler<IngestRequested> | undefined;
  async publish(): Promise<PublishResult> {
    return { duplicate: false };
  }
  async subscribe<T>(
    _subject: string,
    _options: SubscribeOptions,
    handler: EventHandler<T>,
  ): Promise<Subscription> {
    this.handler = handler as unknown as EventHandler<IngestRequested>;
    return { stop: async () => {} };
  }
  async close(): Promise<void> {}
}

let fixture: CorpusFixture;
let bus: RecordingBus;
let ingest: IngestService;

beforeEach(async () => {
  fixture = await corpusFixture();
  bus = new RecordingBus();
  ingest = new IngestService({ store: fixture.store, bus, jobsSubject: 'jobs', logger: new QuietLogger() });
});
afterEach(() => fixture.close());

function worker(embedder: Embedder, options: { embedWaitMs?: number; maxAttempts?: number } = {}) {
  return new IngestWorker({
    corpus: fixture.corpus,
    embedder,
    bus,
    jobsSubject: 'jobs',
    indexedSubject: 'indexed',
    durable: 'test',
    chunking: { size: 120, overlap: 20 },
    metrics: noMetrics,
    logger: new QuietLogger(),
    maxAttempts: options.maxAttempts ?? 1,
    embedRetryMs: 10,
    embedRetryMaxMs: 40,
    embedWaitMs: options.embedWaitMs ?? 60_000,
  });
}

function queued(): EventEnvelope<IngestRequested> {
  const message = bus.published.find((entry) => entry.event.type === INGEST_REQUESTED);
  if (!message) throw new Error('no job was queued');
  return message.event as EventEnvelope<IngestRequested>;
}

const documents = [{ id: 'doc', title: 'Doc', metadata: {}, text: 'Alpha beta gamma delta epsilon.' }];
const first: Delivery = { attempt: 1, subject: 'jobs' };

describe('IngestWorker while embed is unreachable', () => {
  it('waits for embed without using an attempt, shown as queued "waiting for embed", then succeeds', async () => {
    const embedder = new EmbedComingUp(4);
    const job = await ingest.accept('acme', documents);
    const states: unknown[] = [];
    const watching = setInterval(
      () => void ingest.getJob('acme', job.id).then((seen) => states.push(seen)),
      5,
    );
    // maxAttempts 1: had a refused call used the attempt, the job would have failed at once.
    await worker(embedder).handle(queued(), first);
    clearInterval(watching);

    expect(embedder.calls).toBe(5);
    expect(states).toContainEqual(
      expect.objectContaining({
        state: 'queued',
        attempts: 0,
        error: 'waiting for embed: it was unreachable',
        errorCode: 'SERVICE_UNAVAILABLE',
      }),
    );
    expect(await ingest.getJob('acme', job.id)).toMatchObject({ state: 'succeeded', attempts: 1, error: '' });
  });

  it('counts a wait longer than embedWaitMs as a failed attempt, with a plain error', async () => {
    const job = await ingest.accept('acme', documents);
    await worker(new EmbedComingUp(Infinity), { embedWaitMs: 50, maxAttempts: 1 }).handle(queued(), first);
    const failed = await ingest.getJob('acme', job.id);
    expect(failed).toMatchObject({
      state: 'failed',
      attempts: 1,
      error: 'embed was unreachable',
      errorCode: 'SERVICE_UNAVAILABLE',
    });
    expect(failed.error).not.toMatch(/UNAVAILABLE|ECONNREFUSED|14/);
  });

  it('treats embed cancelling the call (embed shutting down) as unreachable, not as the job failing', async () => {
    let calls = 0;
    const restarting: Embedder = {
      model: 'test-hashing',
      embed: async (texts) => {
        calls += 1;
        if (calls === 1) {
          throw new RagfleetError('CANCELLED', 'The caller went away.', { internal: 'Call cancelled' });
        }
        return new HashingEmbedder().embed(texts);
      },
    };
    const job = await ingest.accept('acme', documents);
    await worker(restarting).handle(queued(), first);
    expect(await ingest.getJob('acme', job.id)).toMatchObject({ state: 'succeeded', attempts: 1 });
  });

  it('names a slow embed plainly', async () => {
    const slow: Embedder = {
      model: 'test-hashing',
      embed: async () => {
        throw new RagfleetError('DEADLINE_EXCEEDED', 'An upstream call ran past its deadline.', {
          internal: '4 DEADLINE_EXCEEDED: Deadline exceeded after 60.001s',
        });
      },
    };
    const job = await ingest.accept('acme', documents);
    await worker(slow).handle(queued(), first);
    expect(await ingest.getJob('acme', job.id)).toMatchObject({
      state: 'failed',
      error: 'embed did not answer in time',
      errorCode: 'DEADLINE_EXCEEDED',
    });
  });
});

describe('IngestWorker stopping', () => {
  it('puts a job in flight back to queued, its attempt given back, and leaves its message unacknowledged', async () => {
    const subscribing = new CapturingBus();
    const embedder = new EmbedComingUp(Infinity); // waits until stopped
    const ingestWorker = new IngestWorker({
      corpus: fixture.corpus,
      embedder,
      bus: subscribing,
      jobsSubject: 'jobs',
      indexedSubject: 'indexed',
      durable: 'test',
      chunking: { size: 120, overlap: 20 },
      metrics: noMetrics,
      logger: new QuietLogger(),
      maxAttempts: 1,
      embedRetryMs: 10,
    });
    const subscription = await ingestWorker.start(1);
    const job = await ingest.accept('acme', documents);
    const running = subscribing.handler!(queued(), first);
    while (embedder.calls < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    await subscription.stop();

    await expect(running).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    const stored = await ingest.getJob('acme', job.id);
    expect(stored).toMatchObject({ state: 'queued', attempts: 0 });
    expect(stored.state).not.toBe('failed');
  });
});
