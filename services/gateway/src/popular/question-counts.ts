/** One entry of a tenant's most asked questions. */
export interface PopularQuestion {
  /** The normalized question (see normalizeQuestion). */
  question: string;
  /** Sum of its hits, each decayed by half every half-life since it happened. */
  score: number;
}

/**
 * Per-tenant decayed counts of asked questions: a hit weighs 1 when it happens and half as much
 * one half-life later, so the list follows what is asked now rather than what was asked once.
 * Each tenant keeps at most `maxQuestions` entries, the lowest scored dropped first.
 */
export interface QuestionCounts {
  /** `question` is already normalized; `at` is epoch milliseconds. */
  record(tenant: string, question: string, at?: number): Promise<void>;
  /** The `limit` highest scores at `at`, highest first. */
  top(tenant: string, limit: number, at?: number): Promise<PopularQuestion[]>;
}

export interface QuestionCountSettings {
  halfLifeSeconds: number;
  maxQuestions: number;
}

/** What a hit of `ageMs` ago weighs now. */
export function decayFactor(ageMs: number, halfLifeSeconds: number): number {
  return 2 ** (-ageMs / 1000 / halfLifeSeconds);
}
