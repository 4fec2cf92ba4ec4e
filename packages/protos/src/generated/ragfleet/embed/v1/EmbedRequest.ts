// Original file: protos/ragfleet/embed/v1/embed.proto


export interface EmbedRequest {
  'texts'?: (string)[];
  'model'?: (string);
}

export interface EmbedRequest__Output {
  'texts': (string)[];
  'model': (string);
}
