import {
  decayFactor,
  type PopularQuestion,
  type QuestionCounts,
  type QuestionCountSettings,
} from './question-counts.ts';

interface Entry {
  /** The score as it stood at `at`. */
  score: number;
  at: number;
}

/**
 * This process's counts, for a gateway without Redis: each entry keeps its score and when it was
 * last updated, decayed on read. Lost on restart and not shared between replicas, which for a
 * list that decays within a day or so is acceptable in development.
 */
export class MemoryQuestionCounts implements QuestionCounts {
  readonly #settings: QuestionCountSettings;
  readonly #tenants = new Map<string, Map<string, Entry>>();

  constructor(settings: QuestionCountSettings) {
    this.#settings = settings;
  }

  async record(tenant: string, question: string, at = Date.now()): Promise<void> {
    let entries = this.#tenants.get(tenant);
    if (!entries) {
      entries = new Map();
      this.#tenants.set(tenant, entries);
    }
    const entry = entries.get(question);
    const score = entry ? this.#scoreAt(entry, at) + 1 : 1;
    entries.set(question, { score, at });
    if (entries.size > this.#settings.maxQuestions) this.#dropLowest(entries, at);
  }

  async top(tenant: string, limit: number, at = Date.now()): Promise<PopularQuestion[]> {
    const entries = this.#tenants.get(tenant);
    if (!entries) return [];
    return [...entries]
      .map(([question, entry]) => ({ question, score: this.#scoreAt(entry, at) }))
      .sort((a, b) => b.score - a.score || a.question.localeCompare(b.question))
      .slice(0, limit);
  }

  #scoreAt(entry: Entry, at: number): number {
    return entry.score * decayFactor(at - entry.at, this.#settings.halfLifeSeconds);
  }

  /** One scan per insert past the cap (a cap of a few thousand keeps it cheap). */
  #dropLowest(entries: Map<string, Entry>, at: number): void {
    let lowest: string | undefined;
    let lowestScore = Infinity;
    for (const [question, entry] of entries) {
      const score = this.#scoreAt(entry, at);
      if (score < lowestScore) [lowest, lowestScore] = [question, score];
    }
    if (lowest !== undefined) entries.delete(lowest);
  }
}
