// Original file: protos/ragfleet/generate/v1/generate.proto


export interface RolloutStage {
  'share'?: (number | string);
  'holdSeconds'?: (number);
  'holdAnswers'?: (number);
}

export interface RolloutStage__Output {
  'share': (number);
  'holdSeconds': (number);
  'holdAnswers': (number);
}
