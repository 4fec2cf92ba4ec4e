// Original file: protos/ragfleet/feedback/v1/feedback.proto


export interface Outcome {
  'measuredAt'?: (string);
  'effectiveness'?: (number | string);
  'changes'?: ({[key: string]: number | string});
  'measurable'?: (boolean);
}

export interface Outcome__Output {
  'measuredAt': (string);
  'effectiveness': (number);
  'changes': ({[key: string]: number});
  'measurable': (boolean);
}
