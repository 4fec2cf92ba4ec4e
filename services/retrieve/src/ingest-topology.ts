import { fleetTopology, type StreamSpec } from '@ragfleet/events';

/** Where retrieve's messages travel. Tests give a namespace so that runs never share a stream. */
export interface IngestTopology {
  streams: StreamSpec[];
  /** Work queue of ingest jobs: one message per job, carrying only its id. */
  jobsSubject: string;
  /** Fan-out event when a job has indexed its documents. */
  indexedSubject: string;
  /** Durable consumer shared by every replica's ingest worker. */
  workerDurable: string;
  /** Progress events of index version builds. */
  versionProgressSubject: string;
  /** Fan-out event when the alias `active` moves. */
  versionActivatedSubject: string;
  /** Every document write and delete, on a limits stream that every replica reads in full. */
  corpusSubject: string;
  /** This replica's own durable consumer of corpus changes. */
  corpusDurable: (replicaId: string) => string;
}

export function ingestTopology(namespace = ''): IngestTopology {
  const topology = fleetTopology(namespace);
  return {
    streams: [topology.streams.ingest, topology.streams.events, topology.streams.corpus],
    jobsSubject: topology.subjects.ingestJobs,
    indexedSubject: topology.subjects.documentsIndexed,
    workerDurable: topology.durables.ingestWorker,
    versionProgressSubject: topology.subjects.indexVersionProgress,
    versionActivatedSubject: topology.subjects.indexVersionActivated,
    corpusSubject: topology.subjects.corpusChanges,
    // Durable names allow no dots, wildcards or spaces; a pod name may hold dots.
    corpusDurable: (replicaId) => `${topology.durables.corpusReplica}-${replicaId.replace(/[^\w-]/g, '_')}`,
  };
}
