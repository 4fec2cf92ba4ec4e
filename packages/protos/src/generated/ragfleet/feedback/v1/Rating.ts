// Original file: protos/ragfleet/feedback/v1/feedback.proto

export const Rating = {
  RATING_UNSPECIFIED: 'RATING_UNSPECIFIED',
  RATING_UP: 'RATING_UP',
  RATING_DOWN: 'RATING_DOWN',
} as const;

export type Rating =
  | 'RATING_UNSPECIFIED'
  | 0
  | 'RATING_UP'
  | 1
  | 'RATING_DOWN'
  | 2

export type Rating__Output = typeof Rating[keyof typeof Rating]
