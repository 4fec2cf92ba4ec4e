// Does learning from measured outcomes improve recommendations? (pnpm bench:recommend, part 1.)
// A simulation with synthetic subjects whose true outcome depends on HIDDEN factor weights:
// each round, every subject gets fresh candidates, the scorer ranks them with the weights
// learned so far, the top 5 are "applied", their effectiveness is drawn from the hidden weights
// (plus noise), and feedback's fitter refits on every outcome so far. The same candidates are
// also ranked with the fixed seed weights and with the hidden weights themselves (the oracle),
// so the three arms are interleaved round by round on identical data.
//
// Real code on both sides: the scorer's scoreBatch (services/recommend) and feedback's
// fitWeights with the service's default settings (services/feedback). What is simulated is the
// world: the candidates' effects and how effective an applied one turns out to be.
import {
  FACTOR_NAMES,
  SEED_WEIGHTS,
  scoreBatch,
  type FactorName,
  type Weights,
} from '../../services/recommend/src/domain/scoring/index.ts';
import { fitWeights, type Sample } from '../../services/feedback/src/domain/learning/fit-weights.ts';
import { seededRandom } from '../../packages/seeded-random/src/index.ts';

export interface LearningSettings {
  rounds: number;
  subjects: number;
  candidatesPerSubject: number;
  applied: number;
  noise: number;
  seed: number;
  fit: { ridgeLambda: number; priorStrength: number; maxStep: number; minOutcomes: number };
}

/** What feedback's config defaults to (services/feedback/src/config.ts). */
export const SERVICE_FIT_DEFAULTS = { ridgeLambda: 1, priorStrength: 50, maxStep: 0.05, minOutcomes: 20 };

/** Weights the world secretly rewards: ease and low risk matter most, revenue little. */
export const HIDDEN_WEIGHTS: Record<FactorName, number> = {
  revenue_impact: 0.1,
  ease_of_implementation: 0.3,
  risk_level: 0.3,
  time_to_value: 0.05,
  data_confidence: 0.05,
  network_conditions: 0.2,
};

export interface RoundFigures {
  round: number;
  weightsVersion: string;
  /** L1 distance between the weights used this round and the hidden ones (0 to 2). */
  distanceToHidden: number;
  /** Mean true effectiveness of the top-5 per subject, per arm. */
  learnedTop5: number;
  seedTop5: number;
  oracleTop5: number;
  outcomesSoFar: number;
}

const distance = (a: Record<FactorName, number>, b: Record<FactorName, number>) =>
  FACTOR_NAMES.reduce((sum, name) => sum + Math.abs(a[name] - b[name]), 0);
const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / Math.max(1, values.length);

export function simulateLearning(settings: LearningSettings): RoundFigures[] {
  const random = seededRandom(settings.seed);
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  let learned: Weights = SEED_WEIGHTS;
  let fits = 0;
  const samples: Sample[] = [];
  const figures: RoundFigures[] = [];
  const hidden: Weights = { version: 'hidden', factors: HIDDEN_WEIGHTS };
  for (let round = 1; round <= settings.rounds; round++) {
    const arms = { learned: [] as number[], seed: [] as number[], oracle: [] as number[] };
    const newSamples: Sample[] = [];
    for (let s = 0; s < settings.subjects; s++) {
      const context = {
        health: 0.3 + 0.7 * random(),
        networkConditions: random(),
        metricCompleteness: 0.5 + 0.5 * random(),
      };
      const candidates = Array.from({ length: settings.candidatesPerSubject }, (_, c) => ({
        id: `r${round}-s${s}-c${c}`,
        category: 'simulated',
        action: 'act',
        target: `t${c}`,
        effects: {
          revenueDeltaFraction: -0.05 + 0.3 * random(),
          steps: 1 + Math.floor(8 * random()),
          risk: 0.8 * random(),
          daysToValue: 30 * random(),
          inputsPresent: 1 + Math.floor(4 * random()),
          inputsExpected: 5,
        },
      }));
      // The world's verdict on a candidate: the hidden weights over its (context-free) factors.
      const truth = new Map<string, { effectiveness: number; factors: Record<FactorName, number> }>();
      for (const scored of scoreBatch(candidates, context, hidden)) {
        const factors = Object.fromEntries(FACTOR_NAMES.map((n) => [n, scored.factors[n].value])) as Record<
          FactorName,
          number
        >;
        const utility = FACTOR_NAMES.reduce((sum, n) => sum + HIDDEN_WEIGHTS[n] * factors[n], 0);
        const effectiveness = Math.min(1, Math.max(0, utility + settings.noise * gaussian()));
        truth.set(scored.candidate.id, { effectiveness, factors });
      }
      const topOf = (weights: Weights) =>
        scoreBatch(candidates, context, weights)
          .slice(0, settings.applied)
          .map((s) => truth.get(s.candidate.id)!);
      const learnedTop = topOf(learned);
      arms.learned.push(...learnedTop.map((t) => t.effectiveness));
      arms.seed.push(...topOf(SEED_WEIGHTS).map((t) => t.effectiveness));
      arms.oracle.push(...topOf(hidden).map((t) => t.effectiveness));
      // Only what the learned arm applied is measured, as in the service.
      newSamples.push(...learnedTop.map((t) => ({ factors: t.factors, effectiveness: t.effectiveness })));
    }
    figures.push({
      round,
      weightsVersion: learned.version,
      distanceToHidden: distance(learned.factors, HIDDEN_WEIGHTS),
      learnedTop5: mean(arms.learned),
      seedTop5: mean(arms.seed),
      oracleTop5: mean(arms.oracle),
      outcomesSoFar: samples.length,
    });
    samples.push(...newSamples);
    const fit = fitWeights(samples, learned.factors, settings.fit);
    if (fit) learned = { version: `fit-${++fits}`, factors: fit.weights };
  }
  return figures;
}
