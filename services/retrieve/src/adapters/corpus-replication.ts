import { createEvent, type EventBus, type Subscription } from '@ragfleet/events';
import type { Corpus, CorpusChange } from '../domain/index/corpus.ts';
import type { VersionCommand } from '../domain/versions/index-versions.ts';
import type { ChunkRecord, DocumentRecord } from '../domain/index/records.ts';
import { decodeVector, encodeVector } from './vector-codec.ts';

export const CORPUS_CHANGED = 'retrieve.corpus.changed';

/** A document write as it travels: vectors as base64 float32, a quarter of JSON numbers. */
export type CorpusChangeEvent =
  | {
      kind: 'upsert';
      documentId: string;
      document: DocumentRecord;
      chunks: Array<Omit<ChunkRecord, 'vector'> & { vector: string }>;
    }
  | { kind: 'delete'; documentId: string }
  | { kind: 'version'; command: VersionCommand };

/** The part of IndexVersions that replication drives. */
export interface ReplicatedVersions {
  onCommand(listener: (command: VersionCommand) => Promise<void>): void;
  apply(command: VersionCommand): Promise<void>;
}

export interface ReplicationOptions {
  corpus: Corpus;
  /** Builds and alias moves travel on the same stream, in order with the writes they follow. */
  versions: ReplicatedVersions;
  bus: EventBus;
  /** Subject on a limits stream: every change, kept for every replica. */
  subject: string;
  /** This replica's own durable consumer: it remembers what the replica has applied across restarts. */
  durable: string;
  /** Which replica published a change (logs and traces). */
  source: string;
  /** Attempts before a change is given up; high, since a skipped change leaves the replica behind. */
  maxAttempts?: number;
}

/**
 * Keeps retrieve replicas' corpora equal. Every local write is published to the corpus stream,
 * and every replica (the writer included) applies every change in stream order through its own
 * durable consumer, so all replicas end on the stream's last word for each document, whichever
 * replica wrote first. A replica that was down resumes where its consumer stopped; one that is
 * new replays the stream from its start onto whatever index it loaded. Index version builds and
 * alias moves travel on the same stream, so each replica builds a version from the same corpus
 * state and moves its alias at the same point in the sequence of writes.
 */
export class CorpusReplication {
  readonly #o: Required<ReplicationOptions>;
  #subscription: Subscription | undefined;

  constructor(options: ReplicationOptions) {
    this.#o = { maxAttempts: 1_000, ...options };
  }

  async start(): Promise<void> {
    const { corpus, versions, bus, subject, durable, maxAttempts } = this.#o;
    corpus.onChange((change) => (change.origin === 'local' ? this.#publish(change) : Promise.resolve()));
    versions.onCommand((command) => this.#send('', { kind: 'version', command }));
    // One at a time: the order of the stream is the order of the writes.
    this.#subscription = await bus.subscribe<CorpusChangeEvent>(
      subject,
      { durable, maxAttempts, concurrency: 1 },
      async (event) => this.#apply(event.tenant, event.data),
    );
  }

  async stop(): Promise<void> {
    await this.#subscription?.stop();
  }

  async #publish(change: CorpusChange): Promise<void> {
    const data: CorpusChangeEvent =
      change.kind === 'upsert'
        ? {
            kind: 'upsert',
            documentId: change.documentId,
            document: change.document,
            chunks: change.chunks.map((chunk) => ({ ...chunk, vector: encodeVector(chunk.vector) })),
          }
        : { kind: 'delete', documentId: change.documentId };
    await this.#send(change.tenant, data);
  }

  async #send(tenant: string, data: CorpusChangeEvent): Promise<void> {
    await this.#o.bus.publish(
      this.#o.subject,
      createEvent({ type: CORPUS_CHANGED, source: this.#o.source, tenant, data }),
    );
  }

  async #apply(tenant: string, change: CorpusChangeEvent): Promise<void> {
    const { corpus } = this.#o;
    if (change.kind === 'version') {
      await this.#o.versions.apply(change.command);
      return;
    }
    if (change.kind === 'delete') {
      await corpus.deleteDocument(tenant, change.documentId, 'replica');
      return;
    }
    const chunks = change.chunks.map((chunk) => ({ ...chunk, vector: decodeVector(chunk.vector) }));
    await corpus.replaceDocument(tenant, change.document, chunks, 'replica');
  }
}
