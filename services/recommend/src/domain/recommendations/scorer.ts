import { RagfleetError, fieldDetails } from '@ragfleet/errors';
import type { RulePack } from '../rules/load-pack.ts';
import { scoreBatch, type ScoredCandidate } from '../scoring/score.ts';
import type { SubjectContext } from '../scoring/types.ts';
import type { Weights } from '../scoring/weights.ts';
import type { PipelineObserver, SubjectSource } from '../ports.ts';
import { assertSamePack, readSubject } from './subject-context.ts';

/** A candidate as a caller proposes it (ScoreRequest.candidates). */
export interface ProposedCandidate {
  id: string;
  category: string;
  action: string;
  target: string;
  description: string;
  effects: Record<string, number | undefined>;
}

export interface ScoreInput {
  candidates: ProposedCandidate[];
  /** Non-empty: the context is read from this subject's latest metrics... */
  subjectId: string;
  /** ...else this one, as given. */
  context: SubjectContext;
  signal?: AbortSignal;
}

export interface ScoreOutput {
  scored: Array<{ proposed: ProposedCandidate; scored: ScoredCandidate }>;
  weightsVersion: string;
}

export interface ScorerDependencies {
  pack: RulePack;
  subjects: SubjectSource;
  weights: () => Weights;
  observer: Pick<PipelineObserver, 'scored'>;
  /** A larger batch is refused: one call should not hold a replica's event loop for long. */
  maxCandidates: number;
}

/**
 * The Score call: a caller's batch scored against a subject's context (from its metrics) or a
 * given one, best first. An empty id becomes "action target", as the contract says; two
 * candidates with the same id are refused, since the answer could not tell them apart.
 */
export class Scorer {
  readonly #d: ScorerDependencies;

  constructor(dependencies: ScorerDependencies) {
    this.#d = dependencies;
  }

  async score(input: ScoreInput): Promise<ScoreOutput> {
    const { maxCandidates } = this.#d;
    if (input.candidates.length > maxCandidates) {
      throw invalid([
        { field: 'candidates', message: `at most ${maxCandidates} per call, got ${input.candidates.length}` },
      ]);
    }
    const proposed = input.candidates.map((c) => ({ ...c, id: c.id || `${c.action} ${c.target}` }));
    const firstAt = new Map<string, number>();
    const duplicates = proposed.flatMap((c, i) => {
      const first = firstAt.get(c.id);
      if (first === undefined) firstAt.set(c.id, i);
      return first === undefined
        ? []
        : [{ field: `candidates.${i}.id`, message: `duplicate id "${c.id}" (first at candidates.${first})` }];
    });
    if (duplicates.length > 0) throw invalid(duplicates);
    const context =
      input.subjectId === '' ? input.context : await this.#contextOf(input.subjectId, input.signal);
    const weights = this.#d.weights();
    const scored = scoreBatch(
      proposed.map((c) => ({
        id: c.id,
        category: c.category,
        action: c.action,
        target: c.target,
        effects: definedOnly(c.effects),
      })),
      context,
      weights,
    );
    this.#d.observer.scored('request', scored.length);
    const byId = new Map(proposed.map((c) => [c.id, c]));
    return {
      scored: scored.map((s) => ({ proposed: byId.get(s.candidate.id) as ProposedCandidate, scored: s })),
      weightsVersion: weights.version,
    };
  }

  async #contextOf(subjectId: string, signal?: AbortSignal): Promise<SubjectContext> {
    const { pack, subjects } = this.#d;
    const view = await subjects.get(subjectId, signal);
    assertSamePack(pack.name, view.subject);
    return readSubject(pack.name, pack.schema, view.metrics).context;
  }
}

function definedOnly(effects: Record<string, number | undefined>): Record<string, number> {
  return Object.fromEntries(Object.entries(effects).filter(([, value]) => value !== undefined)) as Record<
    string,
    number
  >;
}

function invalid(problems: Array<{ field: string; message: string }>): RagfleetError {
  return new RagfleetError(
    'INVALID_ARGUMENT',
    `Invalid score request: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`,
    { details: fieldDetails(problems) },
  );
}
