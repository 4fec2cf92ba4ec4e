// Original file: protos/ragfleet/generate/v1/generate.proto


export interface PromptVersion {
  'version'?: (string);
  'variables'?: (string)[];
  'digest'?: (string);
}

export interface PromptVersion__Output {
  'version': (string);
  'variables': (string)[];
  'digest': (string);
}
