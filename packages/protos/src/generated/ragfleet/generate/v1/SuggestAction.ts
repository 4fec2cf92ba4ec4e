// Original file: protos/ragfleet/generate/v1/generate.proto


export interface SuggestAction {
  'name'?: (string);
  'description'?: (string);
  'category'?: (string);
}

export interface SuggestAction__Output {
  'name': (string);
  'description': (string);
  'category': (string);
}
