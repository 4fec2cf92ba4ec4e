// Original file: protos/ragfleet/session/v1/session.proto

import type { TurnStarted as _ragfleet_session_v1_TurnStarted, TurnStarted__Output as _ragfleet_session_v1_TurnStarted__Output } from '../../../ragfleet/session/v1/TurnStarted';
import type { Status as _ragfleet_generate_v1_Status, Status__Output as _ragfleet_generate_v1_Status__Output } from '../../../ragfleet/generate/v1/Status';
import type { Citations as _ragfleet_generate_v1_Citations, Citations__Output as _ragfleet_generate_v1_Citations__Output } from '../../../ragfleet/generate/v1/Citations';
import type { Token as _ragfleet_generate_v1_Token, Token__Output as _ragfleet_generate_v1_Token__Output } from '../../../ragfleet/generate/v1/Token';
import type { Usage as _ragfleet_generate_v1_Usage, Usage__Output as _ragfleet_generate_v1_Usage__Output } from '../../../ragfleet/generate/v1/Usage';
import type { Done as _ragfleet_generate_v1_Done, Done__Output as _ragfleet_generate_v1_Done__Output } from '../../../ragfleet/generate/v1/Done';
import type { TurnError as _ragfleet_session_v1_TurnError, TurnError__Output as _ragfleet_session_v1_TurnError__Output } from '../../../ragfleet/session/v1/TurnError';

export interface TurnEvent {
  'seq'?: (number);
  'started'?: (_ragfleet_session_v1_TurnStarted | null);
  'status'?: (_ragfleet_generate_v1_Status | null);
  'citations'?: (_ragfleet_generate_v1_Citations | null);
  'token'?: (_ragfleet_generate_v1_Token | null);
  'usage'?: (_ragfleet_generate_v1_Usage | null);
  'done'?: (_ragfleet_generate_v1_Done | null);
  'error'?: (_ragfleet_session_v1_TurnError | null);
  'event'?: "started"|"status"|"citations"|"token"|"usage"|"done"|"error";
}

export interface TurnEvent__Output {
  'seq': (number);
  'started'?: (_ragfleet_session_v1_TurnStarted__Output | null);
  'status'?: (_ragfleet_generate_v1_Status__Output | null);
  'citations'?: (_ragfleet_generate_v1_Citations__Output | null);
  'token'?: (_ragfleet_generate_v1_Token__Output | null);
  'usage'?: (_ragfleet_generate_v1_Usage__Output | null);
  'done'?: (_ragfleet_generate_v1_Done__Output | null);
  'error'?: (_ragfleet_session_v1_TurnError__Output | null);
  'event'?: "started"|"status"|"citations"|"token"|"usage"|"done"|"error";
}
