import type { StreamSpec } from '@ragfleet/events';

/** Where retrieve's messages travel. Tests give a suffix so that runs never share a stream. */
export interface IngestTopology {
  streams: StreamSpec[];
  /** Work queue of ingest jobs: one message per job, carrying only its id. */
  jobsSubject: string;
  /** Fan-out event when a job has indexed its documents. */
  indexedSubject: string;
  /** Durable consumer shared by every replica's ingest worker. */
  workerDurable: string;
}

export function ingestTopology(suffix = ''): IngestTopology {
  const tag = suffix ? `_${suffix}` : '';
  const subjectTag = suffix ? `.${suffix}` : '';
  return {
    streams: [
      {
        name: `RAGFLEET_INGEST${tag}`,
        subjects: [`ragfleet.ingest${subjectTag}.jobs`],
        retention: 'workqueue',
        duplicateWindowMs: 120_000,
      },
      { name: `RAGFLEET_EVENTS${tag}`, subjects: [`ragfleet.events${subjectTag}.>`], retention: 'limits' },
    ],
    jobsSubject: `ragfleet.ingest${subjectTag}.jobs`,
    indexedSubject: `ragfleet.events${subjectTag}.documents.indexed`,
    workerDurable: `retrieve-ingest${tag}`,
  };
}
