import type { MetricSet } from '../metrics.ts';
import type { LoadInputs, Scenario, ScenarioLoad } from '../scenario-types.ts';
import type { Target } from '../target.ts';

/** What a scenario's local run is given. */
export interface ScenarioContext {
  target: Target;
  scenario: Scenario;
  load: ScenarioLoad;
  inputs: LoadInputs;
  metrics: MetricSet;
}

/** How a scenario's local run went, beside the metrics it recorded. */
export interface ScenarioRun {
  sent: number;
  dropped: number;
  elapsedSeconds: number;
  /** The first failure seen, to print beside a failed error-rate threshold. */
  firstProblem?: string;
}

export type LocalScenario = (context: ScenarioContext) => Promise<ScenarioRun>;

/** Remembers the first problem only: the one most likely to explain the rest. */
export function firstProblemKeeper(): { note(problem: string): void; readonly first: string | undefined } {
  let first: string | undefined;
  return {
    note: (problem) => void (first ??= problem),
    get first() {
      return first;
    },
  };
}
