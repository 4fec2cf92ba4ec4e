// Original file: protos/ragfleet/session/v1/session.proto

import type { Session as _ragfleet_session_v1_Session, Session__Output as _ragfleet_session_v1_Session__Output } from '../../../ragfleet/session/v1/Session';
import type { Message as _ragfleet_session_v1_Message, Message__Output as _ragfleet_session_v1_Message__Output } from '../../../ragfleet/session/v1/Message';

export interface GetSessionResponse {
  'session'?: (_ragfleet_session_v1_Session | null);
  'messages'?: (_ragfleet_session_v1_Message)[];
  'nextMessageCursor'?: (string);
}

export interface GetSessionResponse__Output {
  'session': (_ragfleet_session_v1_Session__Output | null);
  'messages': (_ragfleet_session_v1_Message__Output)[];
  'nextMessageCursor': (string);
}
