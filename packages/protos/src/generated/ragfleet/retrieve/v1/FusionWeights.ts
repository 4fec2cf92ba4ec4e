// Original file: protos/ragfleet/retrieve/v1/retrieve.proto


export interface FusionWeights {
  'vector'?: (number | string);
  'keyword'?: (number | string);
}

export interface FusionWeights__Output {
  'vector': (number);
  'keyword': (number);
}
