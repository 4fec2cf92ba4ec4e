import { createEvent, type EventBus } from '@ragfleet/events';
import type { RecommendationPublisher } from '../domain/ports.ts';
import type { Recommendation } from '../domain/recommendations/recommendation.ts';

export const RECOMMENDATION_GENERATED = 'recommendations.generated';

/**
 * One recommendations.generated event per recommendation on JetStream, the envelope id the
 * recommendation's id: a retried publish within the duplicate window is stored once.
 */
export class GeneratedEvents implements RecommendationPublisher {
  readonly #bus: EventBus;
  readonly #subject: string;
  readonly #source: string;

  constructor(bus: EventBus, subject: string, source: string) {
    this.#bus = bus;
    this.#subject = subject;
    this.#source = source;
  }

  async publish(recommendations: Recommendation[], tenant: string): Promise<void> {
    await Promise.all(
      recommendations.map((recommendation) =>
        this.#bus.publish(
          this.#subject,
          createEvent({
            id: recommendation.id,
            type: RECOMMENDATION_GENERATED,
            source: this.#source,
            tenant,
            data: recommendation,
          }),
        ),
      ),
    );
  }
}
