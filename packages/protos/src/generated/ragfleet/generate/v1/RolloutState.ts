// Original file: protos/ragfleet/generate/v1/generate.proto

export const RolloutState = {
  ROLLOUT_STATE_UNSPECIFIED: 'ROLLOUT_STATE_UNSPECIFIED',
  ROLLOUT_STATE_RUNNING: 'ROLLOUT_STATE_RUNNING',
  ROLLOUT_STATE_COMPLETED: 'ROLLOUT_STATE_COMPLETED',
  ROLLOUT_STATE_ROLLED_BACK: 'ROLLOUT_STATE_ROLLED_BACK',
} as const;

export type RolloutState =
  | 'ROLLOUT_STATE_UNSPECIFIED'
  | 0
  | 'ROLLOUT_STATE_RUNNING'
  | 1
  | 'ROLLOUT_STATE_COMPLETED'
  | 2
  | 'ROLLOUT_STATE_ROLLED_BACK'
  | 3

export type RolloutState__Output = typeof RolloutState[keyof typeof RolloutState]
