import type { IngestJob, JobState } from './ingest-job.ts';

/**
 * The job state machine. `running -> queued` is a failed attempt that will be retried;
 * `running -> running` is a redelivery after a worker died mid-job. Terminal states never change.
 */
const ALLOWED: Record<JobState, readonly JobState[]> = {
  queued: ['running', 'failed'],
  running: ['running', 'queued', 'succeeded', 'failed'],
  succeeded: [],
  failed: [],
};

export function isTerminal(state: JobState): boolean {
  return ALLOWED[state].length === 0;
}

export function canTransition(from: JobState, to: JobState): boolean {
  return ALLOWED[from].includes(to);
}

/** A copy of the job in its new state; an illegal move is a bug, so it throws. */
export function transition(
  job: IngestJob,
  to: JobState,
  now: Date,
  changes: Partial<IngestJob> = {},
): IngestJob {
  if (!canTransition(job.state, to))
    throw new Error(`job ${job.id}: illegal transition ${job.state} -> ${to}`);
  return { ...job, ...changes, state: to, updatedAt: now.toISOString() };
}

export function newJob(id: string, tenant: string, documentIds: string[], now: Date): IngestJob {
  const time = now.toISOString();
  return {
    id,
    tenant,
    state: 'queued',
    documentIds,
    documentsDone: 0,
    chunksIndexed: 0,
    error: '',
    attempts: 0,
    createdAt: time,
    updatedAt: time,
  };
}
