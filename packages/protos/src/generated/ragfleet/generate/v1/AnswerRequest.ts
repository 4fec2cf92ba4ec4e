// Original file: protos/ragfleet/generate/v1/generate.proto


export interface AnswerRequest {
  'query'?: (string);
  'k'?: (number);
  'filters'?: ({[key: string]: string});
  'tier'?: (string);
  'promptVersion'?: (string);
}

export interface AnswerRequest__Output {
  'query': (string);
  'k': (number);
  'filters': ({[key: string]: string});
  'tier': (string);
  'promptVersion': (string);
}
