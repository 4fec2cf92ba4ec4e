// Original file: protos/ragfleet/session/v1/session.proto

import type { Session as _ragfleet_session_v1_Session, Session__Output as _ragfleet_session_v1_Session__Output } from '../../../ragfleet/session/v1/Session';

export interface ListSessionsResponse {
  'sessions'?: (_ragfleet_session_v1_Session)[];
  'nextCursor'?: (string);
}

export interface ListSessionsResponse__Output {
  'sessions': (_ragfleet_session_v1_Session__Output)[];
  'nextCursor': (string);
}
