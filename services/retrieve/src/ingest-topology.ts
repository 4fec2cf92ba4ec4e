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
}

export function ingestTopology(namespace = ''): IngestTopology {
  const topology = fleetTopology(namespace);
  return {
    streams: [topology.streams.ingest, topology.streams.events],
    jobsSubject: topology.subjects.ingestJobs,
    indexedSubject: topology.subjects.documentsIndexed,
    workerDurable: topology.durables.ingestWorker,
  };
}
