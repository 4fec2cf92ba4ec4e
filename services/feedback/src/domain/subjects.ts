import { randomUUID } from 'node:crypto';
import { RagfleetError, invalidField } from '@ragfleet/errors';
import { metricProblems } from '@ragfleet/packs';
import { isoAt, type Clock } from './clock.ts';
import { invalidFields, notFound } from './feedback-errors.ts';
import type { FeedbackStore } from './feedback-store.ts';
import type { PackCatalog } from './pack-catalog.ts';
import type { Snapshot, SubjectRecord } from './records.ts';
import { parseTime } from './times.ts';

export interface NewSubject {
  id: string;
  pack: string;
  name: string;
  labels: Record<string, string>;
}

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/;

/** Subjects and their snapshots, checked against the subject's pack before anything is stored. */
export class Subjects {
  private readonly store: FeedbackStore;
  private readonly packs: PackCatalog;
  private readonly clock: Clock;

  constructor(store: FeedbackStore, packs: PackCatalog, clock: Clock) {
    this.store = store;
    this.packs = packs;
    this.clock = clock;
  }

  async create(tenant: string, input: NewSubject): Promise<SubjectRecord> {
    if (!input.pack) throw invalidField('pack', 'is required');
    this.packs.get(input.pack);
    if (input.id && !ID_PATTERN.test(input.id)) {
      throw invalidField(
        'id',
        'must be 1 to 200 letters, digits, . _ : or -, starting with a letter or digit',
      );
    }
    const subject: SubjectRecord = {
      tenant,
      id: input.id || randomUUID(),
      pack: input.pack,
      name: input.name,
      labels: input.labels,
      createdAt: isoAt(this.clock),
      snapshotCount: 0,
    };
    if (!(await this.store.createSubject(subject))) {
      throw new RagfleetError('CONFLICT', `Subject ${subject.id} already exists.`, {
        retryable: false,
        details: { resource: 'subject', id: subject.id },
      });
    }
    return subject;
  }

  async get(tenant: string, id: string): Promise<{ subject: SubjectRecord; latest?: Snapshot }> {
    const subject = await this.require(tenant, id);
    const latest = await this.store.latestSnapshot(tenant, id);
    return latest ? { subject, latest } : { subject };
  }

  list(tenant: string, limit: number): Promise<SubjectRecord[]> {
    return this.store.listSubjects(tenant, limit);
  }

  /** Validates the snapshot against the pack's metric schema; an empty observedAt is now. */
  async putMetrics(
    tenant: string,
    subjectId: string,
    input: { observedAt: string } & Omit<Snapshot, 'observedAt'>,
  ): Promise<SubjectRecord> {
    const subject = await this.require(tenant, subjectId);
    const observedAt = input.observedAt
      ? parseTime(input.observedAt, 'snapshot.observed_at')
      : isoAt(this.clock);
    const metrics = { subject: input.subject, collections: input.collections };
    const problems = metricProblems(this.packs.get(subject.pack).schema, metrics);
    if (problems.length > 0) throw invalidFields('Invalid metrics', problems);
    const stored = await this.store.addSnapshot(tenant, subjectId, { observedAt, ...metrics });
    if (!stored) throw notFound('subject', subjectId);
    return stored;
  }

  async require(tenant: string, id: string): Promise<SubjectRecord> {
    if (!id) throw invalidField('id', 'is required');
    const subject = await this.store.getSubject(tenant, id);
    if (!subject) throw notFound('subject', id);
    return subject;
  }
}
