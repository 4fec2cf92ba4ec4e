import { evaluate } from './decision.ts';
import { ZERO_COUNTERS, type Counters, type VariantSpec } from './records.ts';
import { seededRandom } from '@ragfleet/seeded-random';

export interface SimulatedExperiment {
  /** The true thumbs-up rate of each variant (every answer rated, for the simulation). */
  rates: Record<string, number>;
  minSamples: number;
  maxSamples: number;
  alpha: number;
  seed: number;
}

export interface SimulationOutcome {
  winner: string | undefined;
  samplesPerVariant: number;
  looks: number;
}

/**
 * Runs a thumbs-up experiment on a simulated population, evaluating exactly as the service does:
 * at every planned look, with the same decision function.
 */
export function simulateExperiment(spec: SimulatedExperiment): SimulationOutcome {
  const random = seededRandom(spec.seed);
  const variants: VariantSpec[] = Object.keys(spec.rates).map((name) => ({ name, weight: 1 }));
  const counters: Record<string, Counters> = Object.fromEntries(
    variants.map((v) => [v.name, { ...ZERO_COUNTERS }]),
  );
  const experiment = { variants, metric: 'thumbs_up_rate' as const, ...spec, looks: 0 };
  const limit = spec.maxSamples > 0 ? spec.maxSamples : 1_000_000;
  for (let n = spec.minSamples; n <= limit; n += spec.minSamples) {
    for (const variant of variants) {
      const row = counters[variant.name] as Counters;
      const rate = spec.rates[variant.name] as number;
      for (let i = 0; i < spec.minSamples; i += 1) {
        row.answers += 1;
        row.rated += 1;
        if (random() < rate) row.thumbsUp += 1;
      }
    }
    const verdict = evaluate(experiment, counters);
    if (verdict.kind === 'wait') continue;
    experiment.looks = verdict.look;
    if (verdict.kind === 'winner')
      return { winner: verdict.winner, samplesPerVariant: n, looks: verdict.look };
    if (verdict.kind === 'no_difference') break;
  }
  return { winner: undefined, samplesPerVariant: limit, looks: experiment.looks };
}

/** The share of `runs` seeded simulations that declare a winner (and which one). */
export function winRates(spec: Omit<SimulatedExperiment, 'seed'>, runs: number, firstSeed = 1) {
  const wins: Record<string, number> = {};
  let decided = 0;
  let samples = 0;
  for (let run = 0; run < runs; run += 1) {
    const outcome = simulateExperiment({ ...spec, seed: firstSeed + run });
    samples += outcome.samplesPerVariant;
    if (outcome.winner) {
      decided += 1;
      wins[outcome.winner] = (wins[outcome.winner] ?? 0) + 1;
    }
  }
  return { decidedRate: decided / runs, wins, meanSamplesPerVariant: samples / runs };
}
