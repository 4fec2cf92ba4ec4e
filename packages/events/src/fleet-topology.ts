import type { StreamSpec } from './event-bus.ts';

/**
 * The fleet's streams and subjects, declared once: every service that touches a stream must
 * declare it identically, or each start would overwrite the other's settings. A namespace
 * (NATS_NAMESPACE) gives a whole fleet its own streams, so that test runs never share them.
 */
export function fleetTopology(namespace = '') {
  const tag = namespace ? `_${namespace}` : '';
  const subjectTag = namespace ? `.${namespace}` : '';
  const ingest: StreamSpec = {
    name: `RAGFLEET_INGEST${tag}`,
    subjects: [`ragfleet.ingest${subjectTag}.jobs`],
    retention: 'workqueue',
    duplicateWindowMs: 120_000,
  };
  const events: StreamSpec = {
    name: `RAGFLEET_EVENTS${tag}`,
    subjects: [`ragfleet.events${subjectTag}.>`],
    retention: 'limits',
  };
  return {
    streams: { ingest, events },
    subjects: {
      /** Work queue of ingest jobs: one message per job, carrying only its id. */
      ingestJobs: `ragfleet.ingest${subjectTag}.jobs`,
      documentsIndexed: `ragfleet.events${subjectTag}.documents.indexed`,
      generationCompleted: `ragfleet.events${subjectTag}.generation.completed`,
    },
    durables: {
      /** Shared by every retrieve replica's ingest worker. */
      ingestWorker: `retrieve-ingest${tag}`,
    },
  };
}

export type FleetTopology = ReturnType<typeof fleetTopology>;
