// Original file: protos/ragfleet/session/v1/session.proto

export const TurnStatus = {
  TURN_STATUS_UNSPECIFIED: 'TURN_STATUS_UNSPECIFIED',
  TURN_STATUS_RUNNING: 'TURN_STATUS_RUNNING',
  TURN_STATUS_DONE: 'TURN_STATUS_DONE',
  TURN_STATUS_FAILED: 'TURN_STATUS_FAILED',
} as const;

export type TurnStatus =
  | 'TURN_STATUS_UNSPECIFIED'
  | 0
  | 'TURN_STATUS_RUNNING'
  | 1
  | 'TURN_STATUS_DONE'
  | 2
  | 'TURN_STATUS_FAILED'
  | 3

export type TurnStatus__Output = typeof TurnStatus[keyof typeof TurnStatus]
