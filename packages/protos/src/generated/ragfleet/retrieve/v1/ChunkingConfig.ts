// Original file: protos/ragfleet/retrieve/v1/retrieve.proto


export interface ChunkingConfig {
  'strategy'?: (string);
  'size'?: (number);
  'overlap'?: (number);
  'sentences'?: (number);
  'sentenceOverlap'?: (number);
}

export interface ChunkingConfig__Output {
  'strategy': (string);
  'size': (number);
  'overlap': (number);
  'sentences': (number);
  'sentenceOverlap': (number);
}
