import type { ExperimentRecord, RolloutRecord } from './records.ts';

/** Where experiments and rollouts announce what they did (experimentEnded, rolloutProgress). */
export interface ChangeEvents {
  experimentEnded(experiment: ExperimentRecord): Promise<void>;
  rolloutProgress(rollout: RolloutRecord): Promise<void>;
}

/** What the metrics see of decisions; no-ops by default. */
export interface ChangeObserver {
  assigned?(changeId: string, variant: string): void;
  recorded?(changeId: string, variant: string, outcome: 'answer' | 'error' | 'rated_up' | 'rated_down'): void;
  decided?(experiment: ExperimentRecord): void;
  rolloutChanged?(rollout: RolloutRecord): void;
}

/** The prompt versions each family has: what a variant may name. */
export type FamilyVersions = (family: string) => readonly string[] | undefined;

/** Epoch milliseconds; a fake clock in tests. */
export type Clock = () => number;
