// Original file: protos/ragfleet/generate/v1/generate.proto

import type { HistoryMessage as _ragfleet_generate_v1_HistoryMessage, HistoryMessage__Output as _ragfleet_generate_v1_HistoryMessage__Output } from '../../../ragfleet/generate/v1/HistoryMessage';

export interface AnswerRequest {
  'query'?: (string);
  'k'?: (number);
  'filters'?: ({[key: string]: string});
  'tier'?: (string);
  'promptVersion'?: (string);
  'history'?: (_ragfleet_generate_v1_HistoryMessage)[];
  'summary'?: (string);
  'searchQuery'?: (string);
  'prefer'?: (string);
  'panel'?: (string)[];
}

export interface AnswerRequest__Output {
  'query': (string);
  'k': (number);
  'filters': ({[key: string]: string});
  'tier': (string);
  'promptVersion': (string);
  'history': (_ragfleet_generate_v1_HistoryMessage__Output)[];
  'summary': (string);
  'searchQuery': (string);
  'prefer': (string);
  'panel': (string)[];
}
