// Original file: protos/ragfleet/generate/v1/generate.proto

export const ExperimentState = {
  EXPERIMENT_STATE_UNSPECIFIED: 'EXPERIMENT_STATE_UNSPECIFIED',
  EXPERIMENT_STATE_RUNNING: 'EXPERIMENT_STATE_RUNNING',
  EXPERIMENT_STATE_COMPLETED: 'EXPERIMENT_STATE_COMPLETED',
  EXPERIMENT_STATE_STOPPED: 'EXPERIMENT_STATE_STOPPED',
} as const;

export type ExperimentState =
  | 'EXPERIMENT_STATE_UNSPECIFIED'
  | 0
  | 'EXPERIMENT_STATE_RUNNING'
  | 1
  | 'EXPERIMENT_STATE_COMPLETED'
  | 2
  | 'EXPERIMENT_STATE_STOPPED'
  | 3

export type ExperimentState__Output = typeof ExperimentState[keyof typeof ExperimentState]
