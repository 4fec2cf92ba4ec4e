// Original file: protos/ragfleet/generate/v1/generate.proto


export interface RetrievalSettings {
  'mode'?: (string);
  'fusion'?: (string);
  'rerank'?: (string);
  'k'?: (number);
}

export interface RetrievalSettings__Output {
  'mode': (string);
  'fusion': (string);
  'rerank': (string);
  'k': (number);
}
