// Original file: protos/ragfleet/feedback/v1/feedback.proto

export const Stage = {
  STAGE_UNSPECIFIED: 'STAGE_UNSPECIFIED',
  STAGE_GENERATED: 'STAGE_GENERATED',
  STAGE_SHOWN: 'STAGE_SHOWN',
  STAGE_APPLIED: 'STAGE_APPLIED',
  STAGE_DISMISSED: 'STAGE_DISMISSED',
  STAGE_MEASURED: 'STAGE_MEASURED',
} as const;

export type Stage =
  | 'STAGE_UNSPECIFIED'
  | 0
  | 'STAGE_GENERATED'
  | 1
  | 'STAGE_SHOWN'
  | 2
  | 'STAGE_APPLIED'
  | 3
  | 'STAGE_DISMISSED'
  | 4
  | 'STAGE_MEASURED'
  | 5

export type Stage__Output = typeof Stage[keyof typeof Stage]
