// Original file: protos/ragfleet/generate/v1/generate.proto

import type { HistoryMessage as _ragfleet_generate_v1_HistoryMessage, HistoryMessage__Output as _ragfleet_generate_v1_HistoryMessage__Output } from '../../../ragfleet/generate/v1/HistoryMessage';

export interface SummarizeRequest {
  'previousSummary'?: (string);
  'messages'?: (_ragfleet_generate_v1_HistoryMessage)[];
  'tier'?: (string);
  'promptVersion'?: (string);
  'maxWords'?: (number);
}

export interface SummarizeRequest__Output {
  'previousSummary': (string);
  'messages': (_ragfleet_generate_v1_HistoryMessage__Output)[];
  'tier': (string);
  'promptVersion': (string);
  'maxWords': (number);
}
