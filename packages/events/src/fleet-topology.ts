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
  const corpus: StreamSpec = {
    name: `RAGFLEET_CORPUS${tag}`,
    subjects: [`ragfleet.corpus${subjectTag}.changes`],
    retention: 'limits',
    duplicateWindowMs: 120_000,
  };
  return {
    streams: { ingest, events, corpus },
    subjects: {
      /** Work queue of ingest jobs: one message per job, carrying only its id. */
      ingestJobs: `ragfleet.ingest${subjectTag}.jobs`,
      documentsIndexed: `ragfleet.events${subjectTag}.documents.indexed`,
      generationCompleted: `ragfleet.events${subjectTag}.generation.completed`,
      /** A provider's circuit breaker changed state in a generate replica (closed, half-open, open). */
      providerHealth: `ragfleet.events${subjectTag}.provider.health`,
      /** A budget passed 80 % or 100 % of its limit (router). */
      budgetThreshold: `ragfleet.events${subjectTag}.budget.threshold`,
      /** Progress of an index version's shadow build (retrieve). */
      indexVersionProgress: `ragfleet.events${subjectTag}.index.versions.progress`,
      /** The alias `active` moved to another index version (retrieve). */
      indexVersionActivated: `ragfleet.events${subjectTag}.index.versions.activated`,
      /** One event per recommendation the scorer generated (data: the scored recommendation). */
      recommendationsGenerated: `ragfleet.events${subjectTag}.recommendations.generated`,
      /** A recommendation moved on in its lifecycle: shown, applied, dismissed, measured (feedback). */
      recommendationsStage: `ragfleet.events${subjectTag}.recommendations.stage`,
      /** A weights version became active (a fit or a rollback); every scorer replica takes it. */
      weightsActivated: `ragfleet.events${subjectTag}.recommend.weights.activated`,
      /** A thumbs up or down on a RAG or chat answer (feedback). */
      answerFeedback: `ragfleet.events${subjectTag}.answer.feedback`,
      /** An experiment completed (a winner promoted) or was stopped (generate). */
      experimentEnded: `ragfleet.events${subjectTag}.experiments.ended`,
      /** A rollout advanced a stage, completed or rolled back, with the reason (generate). */
      rolloutProgress: `ragfleet.events${subjectTag}.rollouts.progress`,
      /** Every document write and delete, kept for every retrieve replica to apply in order. */
      corpusChanges: `ragfleet.corpus${subjectTag}.changes`,
    },
    durables: {
      /** Shared by every retrieve replica's ingest worker. */
      ingestWorker: `retrieve-ingest${tag}`,
      /** Prefix of each retrieve replica's own consumer of corpus changes (one durable per replica). */
      corpusReplica: `retrieve-corpus${tag}`,
      /** Prefix of each scorer replica's own consumer of weights activations (one per replica). */
      weightsReplica: `recommend-weights${tag}`,
      /** Shared by every generate replica: answer feedback counted into experiment results once. */
      experimentFeedback: `generate-experiment-feedback${tag}`,
    },
  };
}

export type FleetTopology = ReturnType<typeof fleetTopology>;
