// Original file: protos/ragfleet/session/v1/session.proto

import type { Role as _ragfleet_session_v1_Role, Role__Output as _ragfleet_session_v1_Role__Output } from '../../../ragfleet/session/v1/Role';
import type { Citation as _ragfleet_generate_v1_Citation, Citation__Output as _ragfleet_generate_v1_Citation__Output } from '../../../ragfleet/generate/v1/Citation';
import type { TurnStatus as _ragfleet_session_v1_TurnStatus, TurnStatus__Output as _ragfleet_session_v1_TurnStatus__Output } from '../../../ragfleet/session/v1/TurnStatus';

export interface Message {
  'id'?: (string);
  'role'?: (_ragfleet_session_v1_Role);
  'text'?: (string);
  'citations'?: (_ragfleet_generate_v1_Citation)[];
  'promptVersion'?: (string);
  'model'?: (string);
  'provider'?: (string);
  'turnId'?: (string);
  'status'?: (_ragfleet_session_v1_TurnStatus);
  'errorCode'?: (string);
  'createdAt'?: (string);
}

export interface Message__Output {
  'id': (string);
  'role': (_ragfleet_session_v1_Role__Output);
  'text': (string);
  'citations': (_ragfleet_generate_v1_Citation__Output)[];
  'promptVersion': (string);
  'model': (string);
  'provider': (string);
  'turnId': (string);
  'status': (_ragfleet_session_v1_TurnStatus__Output);
  'errorCode': (string);
  'createdAt': (string);
}
