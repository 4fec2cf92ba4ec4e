import type { FeedbackClient } from '@ragfleet/grpc';
import type { RecommendationRecorder } from '../domain/ports.ts';
import type { Recommendation } from '../domain/recommendations/recommendation.ts';

/** Records each batch with feedback (RecordGenerated, idempotent by id) before it is streamed. */
export class FeedbackRecorder implements RecommendationRecorder {
  readonly #client: FeedbackClient;

  constructor(client: FeedbackClient) {
    this.#client = client;
  }

  async record(recommendations: Recommendation[], signal?: AbortSignal): Promise<void> {
    await this.#client.recordGenerated({ recommendations }, { signal });
  }
}
