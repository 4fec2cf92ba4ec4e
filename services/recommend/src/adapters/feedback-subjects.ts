import type { SubjectClient } from '@ragfleet/grpc';
import type { FeedbackV1 } from '@ragfleet/protos';
import type { SubjectMetrics } from '@ragfleet/packs';
import type { SubjectSource, SubjectView } from '../domain/ports.ts';

/** Subjects from the feedback service: the caller's tenant rides in the call's metadata. */
export class FeedbackSubjects implements SubjectSource {
  readonly #client: SubjectClient;

  constructor(client: SubjectClient) {
    this.#client = client;
  }

  async get(id: string, signal?: AbortSignal): Promise<SubjectView> {
    const response = await this.#client.getSubject(id, { signal });
    const subject = response.subject;
    return {
      subject: {
        id: subject?.id ?? id,
        pack: subject?.pack ?? '',
        name: subject?.name ?? '',
        labels: subject?.labels ?? {},
        createdAt: subject?.createdAt ?? '',
        metricsObservedAt: subject?.metricsObservedAt ?? '',
        snapshotCount: subject?.snapshotCount ?? 0,
      },
      ...(response.latest ? { metrics: snapshotMetrics(response.latest) } : {}),
    };
  }
}

/** A MetricSnapshot as the rules read it: collections keyed by scope. */
export function snapshotMetrics(snapshot: FeedbackV1.MetricSnapshot__Output): SubjectMetrics {
  const collections: SubjectMetrics['collections'] = {};
  for (const collection of snapshot.collections) {
    collections[collection.scope] = collection.items.map((item) => ({ id: item.id, metrics: item.metrics }));
  }
  return { subject: snapshot.metrics, collections };
}
