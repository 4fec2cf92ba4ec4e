import type { IncomingHttpHeaders } from 'node:http';
import { currentRequestContext, type Logger } from '@ragfleet/telemetry';
import { normalizeQuestion } from './normalize-question.ts';
import type { PopularQuestion, QuestionCounts } from './question-counts.ts';

/**
 * Sent by `ragfleet warm` on the questions it replays: they are not counted again, or every warm
 * pass would add a hit to each question it warms and the list would keep itself in place.
 */
export const WARM_HEADER = 'x-ragfleet-warm';

/** What the gateway counts of the questions asked (/v1/rag and WebSocket rag asks). */
export class PopularQuestions {
  readonly halfLifeSeconds: number;
  readonly #counts: QuestionCounts;
  readonly #logger: Logger;
  #failing = false;

  constructor(counts: QuestionCounts, options: { halfLifeSeconds: number; logger: Logger }) {
    this.#counts = counts;
    this.halfLifeSeconds = options.halfLifeSeconds;
    this.#logger = options.logger;
  }

  /**
   * Counts a question for the tenant of the request being served (its request context). Never
   * waits and never fails the answer: a count that cannot be written is logged, once per outage.
   */
  asked(question: string, headers?: IncomingHttpHeaders): void {
    if (headers?.[WARM_HEADER] !== undefined) return;
    const tenant = currentRequestContext()?.tenant;
    const normalized = normalizeQuestion(question);
    if (!tenant || !normalized) return;
    this.#counts.record(tenant, normalized).then(
      () => {
        if (this.#failing) this.#logger.info('popular questions: counting again');
        this.#failing = false;
      },
      (error: unknown) => {
        if (!this.#failing) {
          this.#logger.warn(
            { err: (error as Error).message },
            'popular questions: a question was not counted',
          );
        }
        this.#failing = true;
      },
    );
  }

  top(tenant: string, limit: number): Promise<PopularQuestion[]> {
    return this.#counts.top(tenant, limit);
  }
}
