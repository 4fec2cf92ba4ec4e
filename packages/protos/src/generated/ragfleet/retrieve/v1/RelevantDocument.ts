// Original file: protos/ragfleet/retrieve/v1/retrieve.proto


export interface RelevantDocument {
  'documentId'?: (string);
  'grade'?: (number);
}

export interface RelevantDocument__Output {
  'documentId': (string);
  'grade': (number);
}
