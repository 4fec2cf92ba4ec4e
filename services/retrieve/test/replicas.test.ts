import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RetrieveV1 } from '@ragfleet/protos';
import { runWithRequestContext } from '@ragfleet/telemetry';
import { uniqueSuffix, waitFor } from '@ragfleet/testing';
import { ingestTopology, type IngestTopology } from '../src/ingest-topology.ts';
import { HashingEmbedder } from './support/hashing-embedder.ts';
import { deleteStreams, natsUrl } from './support/nats-streams.ts';
import { makeTempDir } from './support/temp-dir.ts';
import { startRunningRetrieve, type RunningRetrieve } from './support/running-retrieve.ts';

// Replicas on the embedded file store share no store, so each takes its own ingest queue (a
// shared one would hand a job to a replica that never stored it); they share the corpus stream.
const namespace = uniqueSuffix();
const shared = ingestTopology(namespace);
const corpusStream = shared.streams.find((stream) => stream.subjects.includes(shared.corpusSubject));

function replicaTopology(replica: string): IngestTopology {
  const own = ingestTopology(`${namespace}_${replica}`);
  const ownStreams = own.streams.filter((stream) => !stream.subjects.includes(own.corpusSubject));
  return {
    ...own,
    streams: corpusStream ? [...ownStreams, corpusStream] : ownStreams,
    corpusSubject: shared.corpusSubject,
    corpusDurable: shared.corpusDurable,
  };
}

const topologies = { a: replicaTopology('a'), b: replicaTopology('b'), c: replicaTopology('c') };
type ReplicaName = keyof typeof topologies;
const dirs = new Map<ReplicaName, { path: string; remove: () => Promise<void> }>();

type Replica = RunningRetrieve;

async function startReplica(name: ReplicaName): Promise<Replica> {
  let dir = dirs.get(name);
  if (!dir) {
    dir = await makeTempDir();
    dirs.set(name, dir);
  }
  return startRunningRetrieve(
    {
      DATA_DIR: dir.path,
      NATS_URL: natsUrl,
      REPLICA_ID: `replica-${name}`,
      CHUNK_SIZE: '120',
      CHUNK_OVERLAP: '20',
    },
    { embedder: new HashingEmbedder(), topology: topologies[name] },
  );
}

const TENANT = 'replicated';
const as = <T>(fn: () => Promise<T>) =>
  runWithRequestContext({ requestId: 'replica-req', tenant: TENANT }, fn);

const WORDS = ['owl', 'engine', 'bread', 'tide', 'bee', 'glacier', 'river', 'comet', 'violin', 'cactus'];
const document = (id: string, version = 1): RetrieveV1.Document => ({
  id,
  title: `doc ${id}`,
  text: `${id} is about ${WORDS.filter((_, i) => (i + id.length + version) % 3 === 0).join(' ')} (v${version}).`,
  metadata: { version: String(version) },
});

async function ingest(replica: Replica, documents: RetrieveV1.Document[]): Promise<void> {
  const { job } = await as(() => replica.client.ingestDocuments({ documents }));
  await waitFor(async () => {
    const current = (await as(() => replica.client.getJob(job?.id ?? ''))).job;
    if (current?.state === 'JOB_STATE_FAILED') throw new Error(current.error);
    return current?.state === 'JOB_STATE_SUCCEEDED' ? current : undefined;
  }, 20_000);
}

async function remove(replica: Replica, ids: string[]): Promise<void> {
  for (const id of ids) await as(() => replica.client.deleteDocument(id));
}

/** What a replica answers to every query, in every mode: hits with their spans and rounded scores. */
async function answers(replica: Replica): Promise<string[]> {
  const lines: string[] = [];
  for (const query of WORDS) {
    for (const mode of ['keyword', 'vector', 'hybrid']) {
      const { hits } = await as(() => replica.client.search({ query, k: 10, mode }));
      lines.push(
        `${mode} ${query}: ${hits
          .map(
            (hit) =>
              `${hit.chunkId}@${hit.start}-${hit.end}:v${hit.metadata.version}:${hit.score.toFixed(4)}`,
          )
          .join(' ')}`,
      );
    }
  }
  return lines;
}

/** Waits until the replicas answer alike, then returns that answer. */
async function converged(...replicas: Replica[]): Promise<string[]> {
  let last: string[][] = [];
  try {
    const agreed = await waitFor(async () => {
      last = await Promise.all(replicas.map(answers));
      const [first] = last;
      return first && last.every((answer) => JSON.stringify(answer) === JSON.stringify(first))
        ? first
        : undefined;
    }, 20_000);
    return agreed ?? [];
  } catch (error) {
    expect(last[1]).toEqual(last[0]); // shows the difference
    throw error;
  }
}

const documentsIn = (answer: string[]) =>
  new Set(answer.flatMap((line) => [...line.matchAll(/ ([\w-]+)#\d+@/g)].map((match) => match[1])));

let a: Replica;
let b: Replica;
let c: Replica;
const running: Replica[] = [];

beforeAll(async () => {
  a = await startReplica('a');
  b = await startReplica('b');
  running.push(a, b);
});

afterAll(async () => {
  for (const replica of running) await replica.stop().catch(() => undefined);
  await deleteStreams(Object.values(topologies).flatMap((topology) => topology.streams.map((s) => s.name)));
  for (const dir of dirs.values()) await dir.remove();
});

describe('retrieve replicas', () => {
  it('answer alike after a burst of upserts and deletes on both', async () => {
    const ids = Array.from({ length: 12 }, (_, i) => `d${i}`);
    await Promise.all([
      ingest(
        a,
        ids.slice(0, 6).map((id) => document(id)),
      ),
      ingest(
        b,
        ids.slice(6).map((id) => document(id)),
      ),
    ]);
    await Promise.all([
      remove(a, ['d1', 'd7']),
      remove(b, ['d2']),
      ingest(b, [document('d3', 2), document('d8', 2)]),
    ]);
    const answer = await converged(a, b);
    expect([...documentsIn(answer)].sort()).toEqual(
      ['d0', 'd3', 'd4', 'd5', 'd6', 'd8', 'd9', 'd10', 'd11'].sort(),
    );
    expect(answer.join('\n')).toMatch(/d3#0@\d+-\d+:v2/);
  });

  it('catch up after one was down, and a new one replays the whole stream', async () => {
    const bIndex = running.indexOf(b);
    await b.stop();
    running.splice(bIndex, 1);
    await ingest(a, [document('late1'), document('late2'), document('d0', 3)]);
    await remove(a, ['d4', 'late2']);

    b = await startReplica('b');
    c = await startReplica('c');
    running.push(b, c);
    const answer = await converged(a, b, c);
    const found = documentsIn(answer);
    expect(found.has('late1')).toBe(true);
    expect(found.has('d4') || found.has('late2')).toBe(false);
    expect(answer.join('\n')).toMatch(/d0#0@\d+-\d+:v3/);
  });

  it('build the same index version and move the alias together, also one that was down', async () => {
    const cIndex = running.indexOf(c);
    await c.stop();
    running.splice(cIndex, 1);
    const versionCall = <Res>(
      replica: Replica,
      method: keyof RetrieveV1.IndexVersionServiceClient & string,
      request: unknown,
    ) => as(() => replica.versions.unary<Res>(method, request));
    const { version } = await versionCall<RetrieveV1.BuildIndexVersionResponse__Output>(
      a,
      'BuildIndexVersion',
      {
        chunking: { size: 30, overlap: 5 },
      },
    );
    await waitFor(async () => {
      const current = await versionCall<RetrieveV1.GetIndexVersionResponse__Output>(a, 'GetIndexVersion', {
        id: version?.id,
      });
      return current.version?.state === 'ready';
    }, 20_000);
    await versionCall(a, 'ActivateIndexVersion', { id: version?.id, force: true });
    await ingest(a, [document('after-cutover')]);

    c = await startReplica('c');
    running.push(c);
    const answer = await converged(a, b, c);
    const spans = [...answer.join(' ').matchAll(/@(\d+)-(\d+):/g)].map((m) => Number(m[2]) - Number(m[1]));
    expect(Math.max(...spans)).toBeLessThanOrEqual(30);
    expect(documentsIn(answer).has('after-cutover')).toBe(true);
    for (const replica of [b, c]) {
      const listed = await versionCall<RetrieveV1.ListIndexVersionsResponse__Output>(
        replica,
        'ListIndexVersions',
        {},
      );
      expect(listed).toMatchObject({ active: version?.id, previous: 1 });
    }
  });
});
