// Original file: protos/ragfleet/session/v1/session.proto

import type { Long } from '@grpc/proto-loader';

export interface GetStatsResponse {
  'activeSessions'?: (number | string | Long);
  'messagesLastHour'?: (number | string | Long);
  'turnsPerMinute'?: (number | string);
  'summariesLastHour'?: (number | string | Long);
}

export interface GetStatsResponse__Output {
  'activeSessions': (string);
  'messagesLastHour': (string);
  'turnsPerMinute': (number);
  'summariesLastHour': (string);
}
