// Original file: protos/ragfleet/session/v1/session.proto

import type { Session as _ragfleet_session_v1_Session, Session__Output as _ragfleet_session_v1_Session__Output } from '../../../ragfleet/session/v1/Session';

export interface CreateSessionResponse {
  'session'?: (_ragfleet_session_v1_Session | null);
}

export interface CreateSessionResponse__Output {
  'session': (_ragfleet_session_v1_Session__Output | null);
}
