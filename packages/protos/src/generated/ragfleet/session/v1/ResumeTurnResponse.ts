// Original file: protos/ragfleet/session/v1/session.proto

import type { TurnEvent as _ragfleet_session_v1_TurnEvent, TurnEvent__Output as _ragfleet_session_v1_TurnEvent__Output } from '../../../ragfleet/session/v1/TurnEvent';

export interface ResumeTurnResponse {
  'event'?: (_ragfleet_session_v1_TurnEvent | null);
}

export interface ResumeTurnResponse__Output {
  'event': (_ragfleet_session_v1_TurnEvent__Output | null);
}
