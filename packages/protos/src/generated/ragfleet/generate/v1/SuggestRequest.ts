// Original file: protos/ragfleet/generate/v1/generate.proto

import type { SuggestAction as _ragfleet_generate_v1_SuggestAction, SuggestAction__Output as _ragfleet_generate_v1_SuggestAction__Output } from '../../../ragfleet/generate/v1/SuggestAction';

export interface SuggestRequest {
  'subject'?: (string);
  'actions'?: (_ragfleet_generate_v1_SuggestAction)[];
  'searchQuery'?: (string);
  'k'?: (number);
  'filters'?: ({[key: string]: string});
  'tier'?: (string);
  'promptVersion'?: (string);
  'maxSuggestions'?: (number);
}

export interface SuggestRequest__Output {
  'subject': (string);
  'actions': (_ragfleet_generate_v1_SuggestAction__Output)[];
  'searchQuery': (string);
  'k': (number);
  'filters': ({[key: string]: string});
  'tier': (string);
  'promptVersion': (string);
  'maxSuggestions': (number);
}
